"""Development and demo: works with no environment at all."""

from .base import *  # noqa: F403
from .env import env_bool, env_str

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = env_str("SECRET_KEY", "broadsheet-development-key-not-for-production")
BROADSHEET_SERVE_MEDIA = env_bool("BROADSHEET_SERVE_MEDIA", True)
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# SQLite cannot create the folder its file lives in; development keeps the
# database and uploads under var/ (git-ignored), so make sure it exists.
VAR_DIR.mkdir(parents=True, exist_ok=True)  # noqa: F405
# The demo's corrections desk: new reader reports are "sent" to the console.
BROADSHEET_CORRECTIONS_EMAIL = env_str("BROADSHEET_CORRECTIONS_EMAIL", "corrections@broadsheet.invalid")

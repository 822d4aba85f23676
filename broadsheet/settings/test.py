"""The test suite: fast hashing, in-memory media, no network."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "broadsheet-test-key"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="broadsheet-test-media-"))
BROADSHEET_SERVE_MEDIA = True
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
ALLOWED_HOSTS = ["*"]
WAGTAILADMIN_BASE_URL = "http://testserver"
# Tasks run at once in tests; the worker's own tests use the database queue.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend", "QUEUES": ["default", "publishing"]}
}
BROADSHEET_BAKE_DIR = Path(tempfile.mkdtemp(prefix="broadsheet-test-bake-"))
BROADSHEET_BAKE_PROCESSES = 1
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # The suite's database lives in memory, and the serving tests copy it to a
    # file with SQLite's backup() while a test's transaction is open; begun
    # IMMEDIATE, that transaction holds the write lock and the copy waits
    # forever. Production keeps immediate transactions (settings.base).
    DATABASES["default"]["OPTIONS"].pop("transaction_mode", None)  # noqa: F405

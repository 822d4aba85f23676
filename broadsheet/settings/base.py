"""Settings shared by every environment.

Secure defaults; anything an operator changes comes from an environment
variable documented in docs/settings.md.
"""

from pathlib import Path

import dj_database_url

from .env import env_bool, env_list, env_str

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
VAR_DIR = Path(env_str("BROADSHEET_VAR_DIR", str(BASE_DIR / "var")))

SECRET_KEY = env_str("SECRET_KEY")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "broadsheet.core",
    "broadsheet.images",
    "broadsheet.people",
    "broadsheet.taxonomy",
    "broadsheet.sections",
    "broadsheet.articles",
    "broadsheet.home",
    "broadsheet.company",
    "broadsheet.feeds",
    "broadsheet.publishing",
    "broadsheet.corrections",
    "broadsheet.listings",
    "broadsheet.editions",
    "broadsheet.search",
    "broadsheet.seo",
    "broadsheet.demo",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "broadsheet.core.middleware.SiteTimezoneMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "broadsheet.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "broadsheet.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'broadsheet.sqlite3'}"),
        conn_max_age=int(env_str("DATABASE_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The worker writes beside the editors (task results, the dependency
    # record), from two threads. Write-ahead logging: its long reads (a month's
    # sitemap) never block a writer. Immediate transactions: a transaction
    # takes the write lock when it begins, waiting up to the timeout, instead
    # of failing at once with "database is locked" when it first writes after
    # another connection has. Memory-mapped reads: a list's count or a tag's
    # stories visit thousands of rows, and reading each page of the file with
    # a system call of its own took two thirds of such a query's time
    # (100,000 stories: a month's count 120 ms, 40 ms mapped).
    mmap_bytes = int(env_str("SQLITE_MMAP_MB", "1024")) << 20
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": f"PRAGMA journal_mode=WAL; PRAGMA mmap_size={mmap_bytes};",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    )
    del mmap_bytes
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
# Storage is always UTC; readers see the time zone chosen in the site settings
# (activated per request by SiteTimezoneMiddleware). TIME_ZONE is only the
# fallback for a site whose settings were never saved.
TIME_ZONE = env_str("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "static")))
STATICFILES_DIRS = [PROJECT_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": env_str("REDIS_URL")}
        if env_str("REDIS_URL")
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

# Background work (rebakes after a publish, Wagtail's own tasks) waits in the
# database until `broadsheet worker` runs it (docs/publishing.md). Rebakes
# have their own queue, which the worker drains in a thread of its own.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "publishing"]}}

WAGTAIL_SITE_NAME = env_str("BROADSHEET_SITE_NAME", "Broadsheet")
WAGTAILADMIN_BASE_URL = env_str("BROADSHEET_BASE_URL", "http://127.0.0.1:8000")
WAGTAILIMAGES_IMAGE_MODEL = "images.BroadsheetImage"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
# Slugs stay readable ASCII: the admin's slug field transliterates Cyrillic
# and other scripts instead of keeping them (see broadsheet.core.slugs).
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILREDIRECTS_AUTO_CREATE = True
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
TAGGIT_CASE_INSENSITIVE = True

# How many teasers a paginated list shows on one page.
BROADSHEET_PAGE_SIZE = int(env_str("BROADSHEET_PAGE_SIZE", "20"))
# The largest print edition PDF an editor may upload, in megabytes (broadsheet.editions).
BROADSHEET_EDITION_PDF_MAX_MB = int(env_str("BROADSHEET_EDITION_PDF_MAX_MB", "200"))
# Serve uploaded media from Django (the demo and development); production
# serves MEDIA_ROOT from nginx or object storage instead.
BROADSHEET_SERVE_MEDIA = env_bool("BROADSHEET_SERVE_MEDIA", False)
# Reader error reports (broadsheet.corrections): who hears of new reports, and
# how many reports one client may send per window (see docs/corrections.md).
BROADSHEET_CORRECTIONS_EMAIL = env_str("BROADSHEET_CORRECTIONS_EMAIL", "")
BROADSHEET_CORRECTIONS_RATE_LIMIT = int(env_str("BROADSHEET_CORRECTIONS_RATE_LIMIT", "5"))
BROADSHEET_CORRECTIONS_RATE_WINDOW = int(env_str("BROADSHEET_CORRECTIONS_RATE_WINDOW", "600"))
BROADSHEET_CORRECTIONS_CLIENT_IP_HEADER = env_str("BROADSHEET_CORRECTIONS_CLIENT_IP_HEADER", "")
# The authority of feed item ids (tag: URIs); empty: the site's host name. docs/feeds.md
BROADSHEET_FEED_ID_AUTHORITY = env_str("BROADSHEET_FEED_ID_AUTHORITY", "")

# Baked site: BROADSHEET_BAKE_DIR/live -> builds/<id>/ (broadsheet.publishing).
BROADSHEET_BAKE_DIR = Path(env_str("BROADSHEET_BAKE_DIR", str(VAR_DIR / "bake")))
# Processes rendering pages in a full bake (0: one per CPU core).
BROADSHEET_BAKE_PROCESSES = int(env_str("BROADSHEET_BAKE_PROCESSES", "0"))
# Seconds between full rebakes run by `broadsheet worker` (0: never), which
# refresh what incremental publishing leaves to lag (docs/publishing.md).
BROADSHEET_FULL_BAKE_INTERVAL = int(env_str("BROADSHEET_FULL_BAKE_INTERVAL", "3600"))
# Seconds the sitemaps only crawlers read wait after a publish before they are
# rebaked, so that a burst of publishes shares one rebake of them (0: at once).
BROADSHEET_CRAWLER_SITEMAPS_DELAY = int(env_str("BROADSHEET_CRAWLER_SITEMAPS_DELAY", "60"))
# CDN purge after each incremental bake, through Wagtail's frontend cache
# backends; only configured ones are used (docs/publishing.md).
WAGTAILFRONTENDCACHE = {}
if env_str("BROADSHEET_CDN_PURGE_URL"):
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": env_str("BROADSHEET_CDN_PURGE_URL"),
    }
if env_str("BROADSHEET_CLOUDFLARE_ZONE_ID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": env_str("BROADSHEET_CLOUDFLARE_ZONE_ID"),
        "BEARER_TOKEN": env_str("BROADSHEET_CLOUDFLARE_BEARER_TOKEN"),
    }

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {
        "broadsheet": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    },
}

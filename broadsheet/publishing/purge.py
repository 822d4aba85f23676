"""CDN purge after an incremental bake, through Wagtail's frontend cache backends.

The backends come from ``WAGTAILFRONTENDCACHE``, which the settings build
from environment variables (docs/publishing.md). ``wagtail.contrib.frontend_cache``
is deliberately not in INSTALLED_APPS: its app connects its own purge to
``page_published``, which would purge the page before the rebake has written
it and miss every other URL showing it. We purge once, after the files are
in place, with exactly the URL set that was rebaked.
"""

from django.conf import settings
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache


def purge(urls: list[str]) -> None:
    if urls and getattr(settings, "WAGTAILFRONTENDCACHE", None):
        purge_urls_from_cache(urls)

"""How the report endpoint protects itself without a CSRF token.

Article pages are baked to files and served to everyone alike, so they cannot
carry a per-visitor token and Django's CSRF middleware cannot be used (the
view is ``csrf_exempt``). What replaces it:

- ``same_origin_problem``: browsers say where a request comes from
  (``Sec-Fetch-Site``, ``Origin``, else ``Referer``); it must be this site.
  A request that says nothing is refused too: every browser sends ``Origin``
  on a POST.
- ``RateLimit``: a fixed window per client in Django's cache; over the limit
  the client gets 429 with ``Retry-After``.
- Size limits and field rules live in ``forms`` and ``views``.
"""

import hashlib
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from wagtail.models import Site

CROSS_SITE_FETCHES = {"cross-site", "same-site"}


def origin_of(url: str) -> str | None:
    parts = urlsplit(url)
    if not parts.scheme or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc}".lower()


def trusted_origins(request: HttpRequest) -> set[str]:
    """This request's own origin, every Wagtail site's root URL and CSRF_TRUSTED_ORIGINS."""
    origins = {f"{request.scheme}://{request.get_host()}".lower()}
    for site in Site.objects.all():
        origins.add(site.root_url.lower())
        if site.port in (80, 443):
            # A site on the default port is reached over either scheme.
            origins.update({f"http://{site.hostname}".lower(), f"https://{site.hostname}".lower()})
    origins.update(origin.lower() for origin in settings.CSRF_TRUSTED_ORIGINS)
    return origins


def same_origin_problem(request: HttpRequest) -> str | None:
    """Why this request does not come from our own pages, or None if it does."""
    fetch_site = request.headers.get("Sec-Fetch-Site", "").lower()
    if fetch_site in CROSS_SITE_FETCHES:
        return "Reports can only be sent from this site's own pages."
    origin = request.headers.get("Origin")
    if origin is not None:
        if origin == "null" or origin_of(origin) not in trusted_origins(request):
            return "Reports can only be sent from this site's own pages (the Origin is another site)."
        return None
    referer = request.headers.get("Referer")
    if referer is not None:
        if origin_of(referer) not in trusted_origins(request):
            return "Reports can only be sent from this site's own pages (the Referer is another site)."
        return None
    return "The browser did not say which page sent this report, so it was not accepted."


def client_address(request: HttpRequest) -> str:
    """The reader's address; behind a proxy, from the header named in BROADSHEET_CORRECTIONS_CLIENT_IP_HEADER."""
    header = getattr(settings, "BROADSHEET_CORRECTIONS_CLIENT_IP_HEADER", "")
    if header:
        forwarded = request.META.get(header, "")
        # X-Forwarded-For lists the client first; the proxy appends.
        if forwarded:
            return forwarded.split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "")


@dataclass
class RateLimit:
    """At most ``limit`` requests per client in each window of ``window`` seconds."""

    limit: int
    window: int
    prefix: str = "broadsheet.corrections.rate"

    @classmethod
    def from_settings(cls) -> "RateLimit":
        return cls(
            limit=getattr(settings, "BROADSHEET_CORRECTIONS_RATE_LIMIT", 5),
            window=getattr(settings, "BROADSHEET_CORRECTIONS_RATE_WINDOW", 600),
        )

    def hit(self, client: str, now: float | None = None) -> int | None:
        """Count one request; None if allowed, else the seconds to wait."""
        now = time.time() if now is None else now
        window_number = int(now // self.window)
        # Hashed: the cache never holds readers' addresses.
        digest = hashlib.sha256(f"{settings.SECRET_KEY}:{client}".encode()).hexdigest()[:32]
        key = f"{self.prefix}:{digest}:{window_number}"
        cache.add(key, 0, timeout=self.window + 1)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=self.window + 1)
            count = 1
        if count > self.limit:
            return max(1, int((window_number + 1) * self.window - now))
        return None

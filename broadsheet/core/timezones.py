"""The site's time zone, the same inside and outside a request.

Readers see times in the zone chosen in the site settings; the middleware
activates it for each request. Some things are decided by that zone but
happen without a request (a scheduled publish, a command, a slug change
made by a task): an article's dated URL must come out the same there, or
redirects would be recorded from addresses readers never had. So code that
needs the zone asks ``site_zone()``, which uses the request's zone when
there is one and reads the site settings otherwise.
"""

import zoneinfo
from contextvars import ContextVar, Token

from django.utils import timezone

_request_site_zone: ContextVar[tuple[int, zoneinfo.ZoneInfo] | None] = ContextVar(
    "broadsheet_request_site_zone", default=None
)


def activate_site_zone(site_id: int | None, zone: zoneinfo.ZoneInfo) -> Token:
    """Make ``zone`` the current time zone for the rest of this request."""
    timezone.activate(zone)
    return _request_site_zone.set((site_id, zone) if site_id is not None else None)


def deactivate_site_zone(token: Token) -> None:
    timezone.deactivate()
    _request_site_zone.reset(token)


def site_zone(site_id: int | None = None) -> zoneinfo.ZoneInfo:
    """The time zone of site ``site_id`` (None: the request's site, else the default site)."""
    from .models import SiteSettings

    active = _request_site_zone.get()
    if active is not None and site_id in (None, active[0]):
        return active[1]
    settings = SiteSettings.objects.filter(
        **({"site_id": site_id} if site_id is not None else {"site__is_default_site": True})
    ).first()
    return settings.zoneinfo if settings else timezone.get_default_timezone()

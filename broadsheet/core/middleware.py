"""Show every time in the site's own time zone.

Times are stored in UTC. The newsroom picks its zone in the site settings;
activating it per request makes templates, ``localtime`` and article URL dates
use it without any view having to remember (see core.timezones).
"""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from .models import SiteSettings
from .timezones import activate_site_zone, deactivate_site_zone


class SiteTimezoneMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            site_settings = SiteSettings.for_request(request)
            token = activate_site_zone(site_settings.site_id, site_settings.zoneinfo)
        except SiteSettings.DoesNotExist:
            # No Wagtail site matches and none is the default: Wagtail will
            # answer 404 for pages, but the admin must still work to fix it.
            token = activate_site_zone(None, timezone.get_default_timezone())
        try:
            return self.get_response(request)
        finally:
            deactivate_site_zone(token)

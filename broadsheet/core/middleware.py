"""Show every time in the site's own time zone.

Times are stored in UTC. The newsroom picks its zone in the site settings;
activating it per request makes templates, ``localtime`` and article URL dates
use it without any view having to remember (see core.timezones).

Wagtail's admin switches to the editor's own zone for its views (Account →
Preferences), and to ``settings.TIME_ZONE`` (UTC) when the editor has chosen
none. So, for editors with no zone of their own, the admin is handed the
newsroom's zone: "19:00" typed as an event's start or a go-live time means
19:00 where the newsroom is, as it does on the site.
"""

import zoneinfo
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from wagtail.users.models import UserProfile

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
        if request.path.startswith(reverse("wagtailadmin_home")):
            default_editor_zone(request, timezone.get_current_timezone())
        try:
            return self.get_response(request)
        finally:
            deactivate_site_zone(token)


def default_editor_zone(request: HttpRequest, zone: zoneinfo.ZoneInfo) -> None:
    """Give an editor who chose no time zone the newsroom's, for this request only.

    The zone is set on the profile object Wagtail's admin reads
    (``user.wagtail_userprofile``), in memory: the editor's saved preference
    stays "none", so a later change of the newsroom's zone applies to them too.
    """
    user = request.user
    if not user.is_authenticated:
        return
    profile = UserProfile.get_for_user(user)
    if not profile.current_time_zone:
        profile.current_time_zone = zone.key
    user.wagtail_userprofile = profile

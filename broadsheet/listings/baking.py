"""What the bake must redo after midnight: the city guide's date-dependent URLs.

"Today", "this weekend", the next seven days, the upcoming lists (front,
categories, venues) and the calendar feeds are computed from the date in
the site's zone when they are rendered, and each page says which date that
was (``data-rendered-for``). A baked copy is right until midnight; a worker
task should call ``time_window_urls()`` just after and rebake those paths.
Event pages list only their dates not yet over, so the events whose last
shown date ended the day before are in the list too.
"""

import datetime
import math

from django.conf import settings
from django.utils import timezone

from broadsheet.core.timezones import site_zone

from . import windows
from .models import EventCategory, ListingsIndexPage, Occurrence, Venue
from .querysets import events_between, published_events


def paged(base_url: str, count: int) -> list[str]:
    pages = max(1, math.ceil(count / settings.BROADSHEET_PAGE_SIZE))
    return [base_url] + [f"{base_url}page/{number}/" for number in range(2, pages + 1)]


def time_window_urls(today: datetime.date | None = None) -> list[str]:
    """Every path whose content depends on the date ``today`` (default: today in the site's zone)."""
    zone = site_zone()
    today = today or timezone.localdate(timezone.now(), zone)
    urls: list[str] = []
    for guide in ListingsIndexPage.objects.live().public():
        base = guide.get_url()
        if base is None:
            continue
        upcoming = windows.upcoming(today, zone)
        for window, prefix in [
            (upcoming, base),
            (windows.today_window(today, zone), f"{base}today/"),
            (windows.weekend(today, zone), f"{base}weekend/"),
            (windows.next_seven_days(today, zone), f"{base}week/"),
            (windows.single_day(today, zone), guide.date_url(today)),
        ]:
            urls += paged(prefix, guide.events_in(window).count())
        upcoming_events = guide.events_in(upcoming)
        for category in EventCategory.objects.all():
            count = upcoming_events.filter(category=category).count()
            urls += paged(f"{base}category/{category.slug}/", count)
            urls.append(f"{base}category/{category.slug}/calendar.ics")
        for venue in Venue.objects.filter(events__in=published_events().descendant_of(guide)).distinct():
            urls += paged(f"{base}venue/{venue.slug}/", upcoming_events.filter(venue=venue).count())
        urls.append(f"{base}calendar.ics")
        yesterday = windows.single_day(today - windows.DAY, zone)
        ended = Occurrence.objects.filter(ends_at__gt=yesterday.start, ends_at__lte=yesterday.end)
        for event in (
            events_between(yesterday.start, yesterday.end).descendant_of(guide).filter(pk__in=ended.values("event_id"))
        ):
            urls.append(event.get_url())
    return list(dict.fromkeys(urls))

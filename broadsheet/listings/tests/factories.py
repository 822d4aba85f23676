"""Venues, a city guide and published events with chosen dates."""

import datetime
import zoneinfo

from broadsheet.home.models import HomePage
from broadsheet.listings.models import (
    EventCategory,
    EventDate,
    EventPage,
    EventSchedule,
    ListingsIndexPage,
    Venue,
)

HOUR = datetime.timedelta(hours=1)


def make_guide(home: HomePage, title: str = "City guide", slug: str = "city-guide", **fields) -> ListingsIndexPage:
    return home.add_child(instance=ListingsIndexPage(title=title, slug=slug, **fields))


def make_venue(name: str = "River Hall", slug: str = "", **fields) -> Venue:
    defaults = {"address": "12 Quay Street", "city": "Fairwater", "district": "Old Town"}
    return Venue.objects.create(name=name, slug=slug, **{**defaults, **fields})


def category(slug: str = "concerts") -> EventCategory:
    return EventCategory.objects.get(slug=slug)


def make_event(
    guide: ListingsIndexPage,
    title: str,
    dates: list[tuple[datetime.datetime, datetime.datetime]] = (),
    *,
    schedules: list[dict] = (),
    venue: Venue | None = None,
    category_slug: str = "concerts",
    slug: str = "",
    **fields,
) -> EventPage:
    """A published event (through a revision, as the admin does) with one-off ``dates`` and ``schedules``."""
    event = EventPage(
        title=title,
        slug=slug,
        category=category(category_slug),
        venue=venue or Venue.objects.first() or make_venue(),
        **fields,
    )
    event.dates = [EventDate(starts_at=start, ends_at=end) for start, end in dates]
    event.schedules = [EventSchedule(**schedule) for schedule in schedules]
    guide.add_child(instance=event)
    event.save_revision().publish()
    return event


def at(zone_name: str, *parts: int) -> datetime.datetime:
    """An aware datetime on the wall clock of ``zone_name``."""
    return datetime.datetime(*parts, tzinfo=zoneinfo.ZoneInfo(zone_name))

"""The time windows of the city guide: today, this weekend, the next seven days, a date.

A window is a half-open range [start, end) of local midnights in the site's
zone (DST-safe: each bound is a local midnight, not start + 24 h). An event
is in a window if one of its occurrences overlaps it, so a concert that
started last night and ends after midnight is still on "today" until it
ends. Windows are computed from a *date*, never from the time of day: pages
are baked once and rebaked after midnight (see ``baking``), so an event that
ended an hour ago stays on today's list until then.
"""

import datetime
import zoneinfo
from dataclasses import dataclass

from .schedules import local_midnight

DAY = datetime.timedelta(days=1)
SATURDAY = 5


@dataclass(frozen=True)
class Window:
    slug: str
    title: str
    first_day: datetime.date
    days: int | None  # None: open-ended (everything from first_day on)
    zone: zoneinfo.ZoneInfo

    @property
    def start(self) -> datetime.datetime:
        return local_midnight(self.first_day, self.zone)

    @property
    def end(self) -> datetime.datetime | None:
        if self.days is None:
            return None
        return local_midnight(self.first_day + self.days * DAY, self.zone)

    @property
    def last_day(self) -> datetime.date | None:
        return None if self.days is None else self.first_day + (self.days - 1) * DAY


def upcoming(today: datetime.date, zone: zoneinfo.ZoneInfo) -> Window:
    return Window("upcoming", "What's on", today, None, zone)


def today_window(today: datetime.date, zone: zoneinfo.ZoneInfo) -> Window:
    return Window("today", "Today", today, 1, zone)


def weekend(today: datetime.date, zone: zoneinfo.ZoneInfo) -> Window:
    """Saturday and Sunday; from Saturday on, what is left of this weekend."""
    weekday = today.weekday()
    if weekday >= SATURDAY:
        return Window("weekend", "This weekend", today, 7 - weekday, zone)
    return Window("weekend", "This weekend", today + (SATURDAY - weekday) * DAY, 2, zone)


def next_seven_days(today: datetime.date, zone: zoneinfo.ZoneInfo) -> Window:
    return Window("week", "Next seven days", today, 7, zone)


def single_day(day: datetime.date, zone: zoneinfo.ZoneInfo) -> Window:
    return Window("date", f"{day:%A} {day.day} {day:%B %Y}", day, 1, zone)

"""Repeating schedules ("every Friday 19:00 until 31 March") expanded into occurrences.

Plain ``datetime`` and ``zoneinfo``, no python-dateutil: two frequencies
(daily, weekly on one weekday) cover what a city guide lists, and the rule
that matters, wall-clock times in the site's zone across DST changes, is
what ``zoneinfo`` gives when each date is combined with the time *in the
zone* and only then converted to UTC. Adding a timedelta to an aware UTC
datetime instead would drift an hour at every change.

A local time that does not exist (inside the spring-forward gap) resolves
as ``zoneinfo`` does for ``fold=0``: one hour later on the clock. A local
time that happens twice (autumn) is the first of the two.
"""

import datetime
import zoneinfo
from collections.abc import Iterator

from django.db import models

#: No schedule expands beyond this many occurrences (a daily event for a year).
MAX_OCCURRENCES = 400


class Frequency(models.TextChoices):
    DAILY = "daily", "Every day"
    WEEKLY = "weekly", "Every week"


class Weekday(models.IntegerChoices):
    MONDAY = 0, "Monday"
    TUESDAY = 1, "Tuesday"
    WEDNESDAY = 2, "Wednesday"
    THURSDAY = 3, "Thursday"
    FRIDAY = 4, "Friday"
    SATURDAY = 5, "Saturday"
    SUNDAY = 6, "Sunday"


def local_datetime(day: datetime.date, time: datetime.time, zone: zoneinfo.ZoneInfo) -> datetime.datetime:
    """``day`` at wall-clock ``time`` in ``zone`` (aware)."""
    return datetime.datetime.combine(day, time, tzinfo=zone)


def local_midnight(day: datetime.date, zone: zoneinfo.ZoneInfo) -> datetime.datetime:
    return local_datetime(day, datetime.time(0, 0), zone)


def schedule_dates(
    first_day: datetime.date, last_day: datetime.date, frequency: str, weekday: int | None = None
) -> Iterator[datetime.date]:
    """The dates of a schedule from ``first_day`` to ``last_day`` inclusive."""
    day = first_day
    if frequency == Frequency.WEEKLY:
        if weekday is None:
            weekday = first_day.weekday()
        day += datetime.timedelta(days=(weekday - first_day.weekday()) % 7)
        step = datetime.timedelta(weeks=1)
    else:
        step = datetime.timedelta(days=1)
    count = 0
    while day <= last_day and count < MAX_OCCURRENCES:
        yield day
        day += step
        count += 1


def expand(
    first_day: datetime.date,
    last_day: datetime.date,
    frequency: str,
    start_time: datetime.time,
    duration: datetime.timedelta,
    zone: zoneinfo.ZoneInfo,
    weekday: int | None = None,
) -> list[tuple[datetime.datetime, datetime.datetime]]:
    """(start, end) pairs in UTC, each starting at ``start_time`` on the zone's clock.

    The end is ``duration`` later on the wall clock too, so a three-hour show
    on the night the clocks change still ends at the time printed on the ticket.
    """
    occurrences = []
    for day in schedule_dates(first_day, last_day, frequency, weekday):
        # Round trip through UTC so a start inside the spring gap becomes the
        # real clock time (01:30 → 02:30) before the duration is added to it.
        start = local_datetime(day, start_time, zone).astimezone(datetime.UTC).astimezone(zone)
        end = start + duration  # same tzinfo: wall-clock arithmetic
        occurrences.append((start.astimezone(datetime.UTC), end.astimezone(datetime.UTC)))
    return occurrences

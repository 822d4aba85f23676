"""Repeating schedules expand to wall-clock times in the site's zone, across DST changes."""

import datetime
import zoneinfo

from broadsheet.listings.schedules import Frequency, Weekday, expand

LONDON = zoneinfo.ZoneInfo("Europe/London")
MOSCOW = zoneinfo.ZoneInfo("Europe/Moscow")
UTC = datetime.UTC


def local(pairs, zone=LONDON) -> list[str]:
    return [f"{start.astimezone(zone):%a %Y-%m-%d %H:%M}–{end.astimezone(zone):%H:%M}" for start, end in pairs]


def test_every_friday_at_seven_until_the_end_of_march_crosses_the_spring_change() -> None:
    # The clocks go forward in London on Sunday 29 March 2026.
    pairs = expand(
        datetime.date(2026, 3, 1),
        datetime.date(2026, 3, 31),
        Frequency.WEEKLY,
        datetime.time(19, 0),
        datetime.timedelta(hours=3),
        LONDON,
        weekday=Weekday.FRIDAY,
    )
    assert local(pairs) == [
        "Fri 2026-03-06 19:00–22:00",
        "Fri 2026-03-13 19:00–22:00",
        "Fri 2026-03-20 19:00–22:00",
        "Fri 2026-03-27 19:00–22:00",
    ]
    # Stored in UTC: the offset is GMT in March until the 29th.
    assert pairs[0][0] == datetime.datetime(2026, 3, 6, 19, 0, tzinfo=UTC)


def test_a_daily_show_keeps_its_local_time_when_the_clocks_change() -> None:
    pairs = expand(
        datetime.date(2026, 3, 28),
        datetime.date(2026, 3, 30),
        Frequency.DAILY,
        datetime.time(19, 30),
        datetime.timedelta(hours=2),
        LONDON,
    )
    assert local(pairs) == ["Sat 2026-03-28 19:30–21:30", "Sun 2026-03-29 19:30–21:30", "Mon 2026-03-30 19:30–21:30"]
    # Same wall-clock time, one hour apart in UTC after the change.
    assert [start.astimezone(UTC).hour for start, _ in pairs] == [19, 18, 18]


def test_autumn_change_and_the_night_it_happens() -> None:
    # The clocks go back at 02:00 BST on Sunday 25 October 2026: that night is an hour longer.
    pairs = expand(
        datetime.date(2026, 10, 24),
        datetime.date(2026, 10, 25),
        Frequency.DAILY,
        datetime.time(23, 0),
        datetime.timedelta(hours=4),
        LONDON,
    )
    (sat_start, sat_end), (sun_start, sun_end) = pairs
    assert sat_start == datetime.datetime(2026, 10, 24, 22, 0, tzinfo=UTC)
    # 23:00 BST to 03:00 GMT on the wall clock: five real hours.
    assert sat_end.astimezone(LONDON).strftime("%H:%M") == "03:00"
    assert sat_end - sat_start == datetime.timedelta(hours=5)
    assert sun_end - sun_start == datetime.timedelta(hours=4)


def test_a_start_inside_the_spring_gap_moves_an_hour_on() -> None:
    ((start, end),) = expand(
        datetime.date(2026, 3, 29),
        datetime.date(2026, 3, 29),
        Frequency.DAILY,
        datetime.time(1, 30),
        datetime.timedelta(hours=1),
        LONDON,
    )
    assert start.astimezone(LONDON).strftime("%H:%M %Z") == "02:30 BST"
    assert end > start


def test_weekly_without_a_weekday_uses_the_first_days() -> None:
    pairs = expand(
        datetime.date(2026, 12, 2),  # a Wednesday
        datetime.date(2026, 12, 16),
        Frequency.WEEKLY,
        datetime.time(20, 0),
        datetime.timedelta(hours=1),
        MOSCOW,
    )
    assert local(pairs, MOSCOW) == [
        "Wed 2026-12-02 20:00–21:00",
        "Wed 2026-12-09 20:00–21:00",
        "Wed 2026-12-16 20:00–21:00",
    ]
    assert pairs[0][0] == datetime.datetime(2026, 12, 2, 17, 0, tzinfo=UTC)  # Moscow is UTC+3 all year


def test_until_is_inclusive_and_a_weekday_after_it_gives_nothing() -> None:
    common = (Frequency.WEEKLY, datetime.time(19, 0), datetime.timedelta(hours=1), LONDON)
    assert len(expand(datetime.date(2026, 12, 1), datetime.date(2026, 12, 4), *common, weekday=Weekday.FRIDAY)) == 1
    assert expand(datetime.date(2026, 12, 1), datetime.date(2026, 12, 3), *common, weekday=Weekday.FRIDAY) == []

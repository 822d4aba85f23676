"""iCalendar files as a calendar app reads them (parsed with the icalendar library)."""

import datetime

import icalendar
import pytest
import time_machine

from broadsheet.listings.ical import escape_text, fold

from .conftest import ZONE
from .factories import at, make_event

UTC = datetime.UTC
NOW = at(ZONE, 2026, 3, 20, 12, 0)
# Commas, semicolons, a backslash, quotes, Cyrillic, emoji and a line break in one title.
TRICKY_TITLE = 'Jazz; blues, and "soul" \\ Джаз 🎷'


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def weekly(guide, venue):
    # Every Friday 19:00–22:00 until 3 April: the clocks change on 29 March.
    return make_event(
        guide,
        TRICKY_TITLE,
        slug="jazz-nights",
        schedules=[
            {
                "frequency": "weekly",
                "weekday": 4,
                "starts_on": datetime.date(2026, 3, 13),
                "until": datetime.date(2026, 4, 3),
                "start_time": datetime.time(19, 0),
                "end_time": datetime.time(22, 0),
            }
        ],
        description="<p>Line one.</p><p>" + "A long paragraph, with commas; " * 8 + "</p>",
        price="£10",
        venue=venue,
    )


def parse(response) -> icalendar.Calendar:
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def test_event_ics_is_valid_and_parses(client, weekly, frozen) -> None:
    response = client.get("/city-guide/jazz-nights/event.ics")
    assert response.status_code == 200
    assert 'filename="jazz-nights.ics"' in response["Content-Disposition"]
    raw = response.content
    lines = raw.split(b"\r\n")
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in lines), "every line is folded at 75 octets"
    assert any(line.startswith(b" ") for line in lines), "the long description was folded"

    calendar = parse(response)
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"]
    events = calendar.walk("VEVENT")
    assert [str(e["SUMMARY"]) for e in events] == [TRICKY_TITLE] * 4
    starts = [e.decoded("DTSTART") for e in events]
    assert starts == [
        datetime.datetime(2026, 3, 13, 19, 0, tzinfo=UTC),
        datetime.datetime(2026, 3, 20, 19, 0, tzinfo=UTC),
        datetime.datetime(2026, 3, 27, 19, 0, tzinfo=UTC),
        datetime.datetime(2026, 4, 3, 18, 0, tzinfo=UTC),  # 19:00 BST
    ]
    first = events[0]
    assert first.decoded("DTEND") - first.decoded("DTSTART") == datetime.timedelta(hours=3)
    assert first.decoded("DTSTAMP").tzinfo is not None
    assert str(first["LOCATION"]) == "River Hall, 12 Quay Street, Old Town, Fairwater"
    assert "A long paragraph, with commas; " in str(first["DESCRIPTION"])
    assert "£10" in str(first["DESCRIPTION"])
    assert str(first["URL"]) == "http://localhost/city-guide/jazz-nights/"
    assert first["GEO"].latitude == pytest.approx(51.5074)
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == 4


def test_uids_stay_the_same_when_the_event_is_saved_again(client, weekly, frozen) -> None:
    before = [str(e["UID"]) for e in parse(client.get("/city-guide/jazz-nights/event.ics")).walk("VEVENT")]
    weekly.price = "£12"
    weekly.save_revision().publish()
    after = [str(e["UID"]) for e in parse(client.get("/city-guide/jazz-nights/event.ics")).walk("VEVENT")]
    assert before == after


def test_category_feed_for_calendar_apps(client, guide, venue, weekly, frozen) -> None:
    make_event(guide, "A film", [(at(ZONE, 2026, 3, 21, 20), at(ZONE, 2026, 3, 21, 22))], category_slug="cinema")
    make_event(guide, "Long gone", [(at(ZONE, 2025, 1, 1, 20), at(ZONE, 2025, 1, 1, 22))])
    concerts = parse(client.get("/city-guide/category/concerts/calendar.ics"))
    assert {str(e["SUMMARY"]) for e in concerts.walk("VEVENT")} == {TRICKY_TITLE}
    assert "Concerts" in str(concerts["X-WR-CALNAME"])
    assert str(concerts["REFRESH-INTERVAL"].to_ical(), "ascii") == "PT12H"
    everything = parse(client.get("/city-guide/calendar.ics"))
    assert {str(e["SUMMARY"]) for e in everything.walk("VEVENT")} == {TRICKY_TITLE, "A film"}
    assert client.get("/city-guide/category/nope/calendar.ics").status_code == 404


def test_listing_pages_advertise_their_feed(client, guide, frozen) -> None:
    html = client.get("/city-guide/category/kids/").content.decode()
    assert '<link rel="alternate" type="text/calendar"' in html
    assert 'href="/city-guide/category/kids/calendar.ics"' in html


def test_escaping_and_folding_rules() -> None:
    assert escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    folded = fold("DESCRIPTION:" + "Ж" * 100)
    parts = folded.encode().split(b"\r\n")
    assert all(len(part) <= 75 for part in parts)
    assert all(part.startswith(b" ") for part in parts[1:])
    parts[0].decode(), [part.decode() for part in parts]  # no character split between lines
    assert (
        "".join(part.decode()[1:] if i else part.decode() for i, part in enumerate(parts)) == "DESCRIPTION:" + "Ж" * 100
    )

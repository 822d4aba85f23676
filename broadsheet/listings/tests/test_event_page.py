"""What a reader sees on an event page: dates, venue, map link, admission, JSON-LD."""

import datetime
import json
import re

import pytest
import time_machine

from broadsheet.core.tests.factories import make_image

from .conftest import ZONE
from .factories import at, make_event

NOW = at(ZONE, 2026, 12, 2, 14, 0)


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def jsonld(html: str):
    (payload,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(payload)


def test_event_page_shows_dates_venue_map_and_admission(client, guide, venue, frozen) -> None:
    image = make_image("Stage", credit="Jo Photographer")
    event = make_event(
        guide,
        "Winter </script> Gala",
        [
            (at(ZONE, 2026, 11, 20, 19), at(ZONE, 2026, 11, 20, 22)),  # past: not listed
            (at(ZONE, 2026, 12, 4, 19), at(ZONE, 2026, 12, 4, 22)),
            (at(ZONE, 2026, 12, 5, 23), at(ZONE, 2026, 12, 6, 2)),
        ],
        description="<p>An evening of <b>music</b>.</p>",
        price="£15",
        age_rating="16+",
        tickets_url="https://tickets.example.com/gala",
        image=image,
        editors_pick=True,
        venue=venue,
    )
    response = client.get(event.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Friday 4 December 2026, 19:00" in html
    assert "Saturday 5 December 2026, 23:00" in html and "Sun 6 Dec, 02:00" in html
    assert "20 November" not in html
    assert "12 Quay Street, Old Town, Fairwater" in html
    assert 'href="https://www.openstreetmap.org/?mlat=51.507400&amp;mlon=-0.127800#map=17/51.507400/-0.127800"' in html
    assert "Open in OpenStreetMap" in html
    assert "£15" in html and "16+" in html and 'href="https://tickets.example.com/gala"' in html
    assert "Jo Photographer" in html
    assert "<p>An evening of <b>music</b>.</p>" in html
    assert 'href="/city-guide/winter-script-gala/event.ics"' in html
    assert "Tue–Sun 10:00–19:00" in html and "Step-free entrance" in html

    data = jsonld(html)
    assert [d["startDate"] for d in data] == ["2026-12-04T19:00:00+00:00", "2026-12-05T23:00:00+00:00"]
    first = data[0]
    assert first["@type"] == "Event" and first["name"] == "Winter </script> Gala"
    assert first["endDate"] == "2026-12-04T22:00:00+00:00"
    assert first["location"]["address"]["streetAddress"] == "12 Quay Street"
    assert first["location"]["geo"]["latitude"] == pytest.approx(51.5074)
    assert first["offers"]["url"] == "https://tickets.example.com/gala"
    assert first["typicalAgeRange"] == "16-"
    assert first["url"] == "http://localhost/city-guide/winter-script-gala/"
    assert first["image"][0].startswith("http://testserver/")


def test_a_venue_without_coordinates_links_to_a_search(client, guide, frozen) -> None:
    from .factories import make_venue

    plain = make_venue("Corner Café", "corner-cafe", address="1 Long Lane", city="Fairwater", district="")
    event = make_event(guide, "Quiz", [(at(ZONE, 2026, 12, 3, 19), at(ZONE, 2026, 12, 3, 21))], venue=plain)
    html = client.get(event.url).content.decode()
    assert 'href="https://www.openstreetmap.org/search?query=1%20Long%20Lane%2C%20Fairwater"' in html
    assert "geo" not in jsonld(html)["location"]


def test_a_past_event_keeps_its_page_and_data(client, guide, venue, frozen) -> None:
    event = make_event(guide, "Over", [(at(ZONE, 2026, 11, 1, 19), at(ZONE, 2026, 11, 1, 21))], is_free=True)
    html = client.get(event.url).content.decode()
    assert "This event has ended" in html
    data = jsonld(html)
    assert data["startDate"] == "2026-11-01T19:00:00+00:00"
    assert data["isAccessibleForFree"] is True
    assert "Free" in html


def test_malformed_event_urls_are_404(client, guide, venue, frozen) -> None:
    event = make_event(guide, "Quiz", [(at(ZONE, 2026, 12, 3, 19), at(ZONE, 2026, 12, 3, 21))])
    for suffix in ["event.ics/", "nope/", "event.icsx", "page/2/"]:
        assert client.get(event.url + suffix).status_code == 404, suffix


def test_slugs_of_the_guides_own_routes_are_not_taken(guide, venue) -> None:
    event = make_event(guide, "Today", [(at(ZONE, 2026, 12, 3, 19), at(ZONE, 2026, 12, 3, 21))])
    assert event.slug == "today-event"
    assert event.url == "/city-guide/today-event/"


def test_schedules_become_occurrences_and_drafts_do_not_change_them(guide, venue) -> None:
    event = make_event(
        guide,
        "Weekly quiz",
        schedules=[
            {
                "frequency": "weekly",
                "weekday": 2,
                "starts_on": datetime.date(2026, 12, 1),
                "until": datetime.date(2026, 12, 31),
                "start_time": datetime.time(20, 0),
                "end_time": datetime.time(1, 0),  # ends after midnight
            }
        ],
    )
    occurrences = list(event.occurrences.all())
    assert len(occurrences) == 5
    assert occurrences[0].ends_at - occurrences[0].starts_at == datetime.timedelta(hours=5)
    # A draft with another schedule leaves what readers see alone until it is published.
    schedule = event.schedules.get()
    schedule.until = datetime.date(2026, 12, 10)
    event.schedules = [schedule]
    event.save_revision()
    assert event.occurrences.count() == 5
    event.get_latest_revision().publish()
    assert event.occurrences.count() == 2

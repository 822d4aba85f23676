"""Venue and event CSV imports through the admin: good rows, bad rows, re-import."""

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from broadsheet.listings.models import EventPage, Venue

from .conftest import ZONE
from .factories import at

VENUES = (
    "slug,name,address,district,city,latitude,longitude,website,phone,opening_hours,accessibility\r\n"
    'river-hall,River Hall,"12 Quay Street",Old Town,Fairwater,51.5074,-0.1278,riverhall.example.com,'
    '+44 20 0000,"Tue–Sun 10:00–19:00","Step-free, with a lift"\r\n'
    "dom-kultury,Дом культуры «Заря»,ул. Ленина 5,,Fairwater,,,,,,\r\n"
)
EVENTS = (
    "slug,title,category,venue,starts,ends,repeat,repeat_until,description,free,price,age_rating,editors_pick\r\n"
    'jazz,Jazz on the quay,concerts,river-hall,2026-12-04 19:00,2026-12-04 22:00,weekly,2026-12-25,"Three bands.\n\n'
    'Bring a coat.",no,£10,16+,yes\r\n'
    "kids-show,Puppets,Kids,dom-kultury,2026-12-05 11:00,2026-12-05 12:00,,,,yes,,0+,\r\n"
)


@pytest.fixture
def admin_client(client, db):
    user = get_user_model().objects.create_superuser("editor", "editor@example.com", "pw")
    client.force_login(user)
    return client


@pytest.fixture
def frozen():
    with time_machine.travel(at(ZONE, 2026, 12, 1, 9, 0), tick=False):
        yield


def import_file(client, kind: str, text: str):
    """Upload, then confirm if the preview allows it; returns (preview, confirmation or None)."""
    url = f"/admin/imports/{kind}/"
    preview = client.post(url, {"file": SimpleUploadedFile(f"{kind}.csv", text.encode(), "text/csv")})
    payload = preview.context["payload"] if preview.status_code == 200 else ""
    confirmation = client.post(url, {"payload": payload}, follow=True) if payload else None
    return preview, confirmation


def test_venues_import_then_reimport_updates(admin_client, guide) -> None:
    preview, confirmation = import_file(admin_client, "venues", VENUES)
    assert "2 rows: 2 new, 0 to update." in preview.content.decode()
    assert "Imported 2 venues: 2 new, 0 updated." in confirmation.content.decode()
    hall = Venue.objects.get(slug="river-hall")
    assert hall.website == "https://riverhall.example.com"
    assert hall.accessibility == "Step-free, with a lift"
    assert str(hall.latitude) == "51.507400"
    assert Venue.objects.get(slug="dom-kultury").name == "Дом культуры «Заря»"

    _, again = import_file(admin_client, "venues", VENUES.replace("Old Town", "Riverside"))
    assert "0 new, 2 updated" in again.content.decode()
    assert Venue.objects.count() == 2
    assert Venue.objects.get(slug="river-hall").district == "Riverside"


def test_bad_venue_rows_are_shown_and_nothing_is_saved(admin_client, guide) -> None:
    text = (
        "slug,name,address,city,latitude\r\n"
        "ok,Fine,1 Road,Fairwater,10\r\n"
        "bad-lat,Too north,1 Road,Fairwater,91\r\n"
        "no-city,Nowhere,1 Road,,\r\n"
    )
    preview, confirmation = import_file(admin_client, "venues", text)
    assert preview.status_code == 400 and confirmation is None
    html = preview.content.decode()
    assert "2 rows with errors" in html
    assert "latitude: Ensure this value is less than or equal to 90." in html
    assert "city: This field is required." in html
    assert not Venue.objects.exists()


def test_events_import_with_a_repeating_one_and_reimport(admin_client, client, guide, frozen) -> None:
    import_file(admin_client, "venues", VENUES)
    preview, confirmation = import_file(admin_client, "events", EVENTS)
    assert preview.status_code == 200, preview.content.decode()[-3000:]
    assert "Imported 2 events: 2 new, 0 updated." in confirmation.content.decode()
    jazz = EventPage.objects.get(slug="jazz")
    assert jazz.live and jazz.editors_pick and jazz.age_rating == "16+"
    assert jazz.description == "<p>Three bands.</p><p>Bring a coat.</p>"
    assert [o.starts_at for o in jazz.occurrences.all()] == [at(ZONE, 2026, 12, day, 19, 0) for day in (4, 11, 18, 25)]
    puppets = EventPage.objects.get(slug="kids-show")
    assert puppets.is_free and puppets.category.slug == "kids"
    assert "Puppets" in client.get("/city-guide/2026/12/05/").content.decode()

    # A re-import updates the same pages (new revisions), it does not add pages.
    _, again = import_file(admin_client, "events", EVENTS.replace("2026-12-25", "2026-12-11"))
    assert "0 new, 2 updated" in again.content.decode()
    assert EventPage.objects.count() == 2
    assert EventPage.objects.get(slug="jazz").occurrences.count() == 2


def test_bad_event_rows(admin_client, guide, frozen) -> None:
    import_file(admin_client, "venues", VENUES)
    text = (
        "slug,title,category,venue,starts,ends,repeat,repeat_until\r\n"
        "backwards,Backwards,concerts,river-hall,2026-12-04 19:00,2026-12-04 18:00,,\r\n"
        "nowhere,Nowhere,concerts,no-such-venue,2026-12-04 19:00,2026-12-04 20:00,,\r\n"
        "odd,Odd,opera,river-hall,2026-12-04 19:00,2026-12-04 20:00,,\r\n"
        "today,Today,concerts,river-hall,2026-12-04 19:00,2026-12-04 20:00,,\r\n"
        "forever,Forever,concerts,river-hall,2026-12-04 19:00,2026-12-04 20:00,weekly,\r\n"
        "when,When,concerts,river-hall,4/12/2026,2026-12-04 20:00,,\r\n"
    )
    preview, confirmation = import_file(admin_client, "events", text)
    assert preview.status_code == 400 and confirmation is None
    html = preview.content.decode()
    assert "The end (4 Dec 2026 18:00) must come after the start (4 Dec 2026 19:00)." in html
    assert "No venue with the key “no-such-venue”: import the venues first." in html
    assert "No category “opera”." in html
    assert "“today” is an address of the city guide itself" in html
    assert "A repeating event needs the last day it repeats." in html
    assert "starts: Enter a valid date/time." in html
    assert not EventPage.objects.exists()

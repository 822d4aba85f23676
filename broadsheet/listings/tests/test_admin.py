"""Editors in the admin: an end before the start is refused with a clear message;
venues and categories are snippets; the imports are in the City guide menu."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text
from wagtail.users.models import UserProfile

from broadsheet.listings.models import EventPage

from .factories import category


@pytest.fixture
def admin_client(client, db):
    """An editor whose admin time zone is the newsroom's.

    Wagtail's admin reads and shows times in the user's own zone (Account →
    Preferences), else in settings.TIME_ZONE, not in the site settings' zone.
    """
    user = get_user_model().objects.create_superuser("editor", "editor@example.com", "pw")
    profile = UserProfile.get_for_user(user)
    profile.current_time_zone = "Europe/London"
    profile.save()
    client.force_login(user)
    return client


def event_form(venue, dates, schedules=()) -> dict:
    return nested_form_data(
        {
            "title": "Jazz on the quay",
            "slug": "jazz-on-the-quay",
            "category": category("concerts").pk,
            "venue": venue.pk,
            "description": rich_text("<p>Three bands.</p>"),
            "dates": inline_formset(dates),
            "schedules": inline_formset(list(schedules)),
            "price": "£10",
            "action-publish": "publish",
        }
    )


def add_url(guide) -> str:
    return f"/admin/pages/add/listings/eventpage/{guide.pk}/"


def test_an_end_before_the_start_is_refused(admin_client, guide, venue) -> None:
    data = event_form(venue, [{"starts_at": "2026-12-04 19:00", "ends_at": "2026-12-04 18:00"}])
    response = admin_client.post(add_url(guide), data)
    assert response.status_code == 200  # the form again, with the error
    html = response.content.decode()
    assert "The end (4 Dec 2026 18:00) must come after the start (4 Dec 2026 19:00)." in html
    assert not EventPage.objects.exists()


def test_an_event_published_from_the_admin_is_listed(admin_client, client, guide, venue) -> None:
    data = event_form(
        venue,
        [{"starts_at": "2026-12-04 19:00", "ends_at": "2026-12-04 22:00"}],
        [
            {
                "frequency": "weekly",
                "weekday": "4",
                "starts_on": "2026-12-11",
                "until": "2026-12-25",
                "start_time": "19:00",
                "end_time": "22:00",
            }
        ],
    )
    response = admin_client.post(add_url(guide), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    event = EventPage.objects.get()
    assert event.live
    assert event.occurrences.count() == 4
    html = client.get("/city-guide/2026/12/18/").content.decode()
    assert "Jazz on the quay" in html


def test_a_weekly_schedule_needs_its_weekday(admin_client, guide, venue) -> None:
    data = event_form(
        venue,
        [],
        [
            {
                "frequency": "weekly",
                "weekday": "",
                "starts_on": "2026-12-11",
                "until": "2026-12-01",
                "start_time": "19:00",
                "end_time": "22:00",
            }
        ],
    )
    html = admin_client.post(add_url(guide), data).content.decode()
    assert "Choose the day of the week a weekly event takes place." in html
    assert not EventPage.objects.exists()


def test_city_guide_menu_has_snippets_and_imports(admin_client, guide) -> None:
    assert admin_client.get("/admin/snippets/listings/venue/").status_code == 200
    categories = admin_client.get("/admin/snippets/listings/eventcategory/").content.decode()
    for name in ["Concerts", "Theatre", "Exhibitions", "Cinema", "Kids", "Nightlife", "Food and drink"]:
        assert name in categories
    home = admin_client.get("/admin/").content.decode()
    assert "/admin/imports/venues/" in home and "/admin/imports/events/" in home


def test_preview_of_a_new_event_shows_its_unsaved_dates(admin_client, guide, venue) -> None:
    data = event_form(venue, [{"starts_at": "2030-06-07 19:00", "ends_at": "2030-06-07 22:00"}])
    preview_url = f"/admin/pages/add/listings/eventpage/{guide.pk}/preview/"
    assert admin_client.post(preview_url, data).json()["is_valid"]
    html = admin_client.get(preview_url).content.decode()
    assert "Jazz on the quay" in html
    assert "Friday 7 June 2030, 19:00" in html
    assert not EventPage.objects.exists()


def test_preview_of_a_draft_change_shows_the_draft_dates(admin_client, client, guide, venue) -> None:
    from .factories import at, make_event

    event = make_event(guide, "Quiz", [(at("Europe/London", 2030, 6, 7, 19), at("Europe/London", 2030, 6, 7, 21))])
    data = event_form(venue, [{"starts_at": "2030-06-14 19:00", "ends_at": "2030-06-14 22:00"}])
    preview_url = f"/admin/pages/{event.pk}/edit/preview/"
    assert admin_client.post(preview_url, data).json()["is_valid"]
    html = admin_client.get(preview_url).content.decode()
    assert "Friday 14 June 2030, 19:00" in html  # a date added in the draft
    assert "14 June" not in client.get(event.url).content.decode(), "readers see the published dates only"

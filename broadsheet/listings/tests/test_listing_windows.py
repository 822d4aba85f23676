"""Each list of the city guide at the edges of its window, with the clock stopped.

The newsroom's zone is Europe/London. "Now" is Wednesday 2 December 2026,
14:00 local; the weekend is 5–6 December.
"""

import datetime

import pytest
import time_machine

from .conftest import ZONE
from .factories import at, make_event

HOUR = datetime.timedelta(hours=1)
NOW = at(ZONE, 2026, 12, 2, 14, 0)


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def titles(response) -> list[str]:
    html = response.content.decode()
    import re

    return re.findall(r'class="event-teaser__link" href="[^"]+">([^<]+)</a>', html)


def event_at(guide, title: str, start: datetime.datetime, hours: float = 2, **fields):
    return make_event(guide, title, [(start, start + datetime.timedelta(hours=hours))], **fields)


def test_today_edges(client, guide, venue, frozen) -> None:
    event_at(guide, "Ended at midnight", at(ZONE, 2026, 12, 1, 22, 0))
    event_at(guide, "Runs past midnight", at(ZONE, 2026, 12, 1, 23, 0), hours=2)
    event_at(guide, "First thing", at(ZONE, 2026, 12, 2, 0, 0))
    event_at(guide, "This morning, over", at(ZONE, 2026, 12, 2, 9, 0))
    event_at(guide, "Tonight", at(ZONE, 2026, 12, 2, 19, 0))
    event_at(guide, "Last thing", at(ZONE, 2026, 12, 2, 23, 59))
    event_at(guide, "Tomorrow at midnight", at(ZONE, 2026, 12, 3, 0, 0))
    response = client.get("/city-guide/today/")
    assert response.status_code == 200
    assert titles(response) == ["Runs past midnight", "First thing", "This morning, over", "Tonight", "Last thing"]
    assert 'data-rendered-for="2026-12-02"' in response.content.decode()


def test_weekend_from_a_weekday_is_saturday_and_sunday(client, guide, venue, frozen) -> None:
    event_at(guide, "Friday late", at(ZONE, 2026, 12, 4, 22, 0), hours=1.5)
    event_at(guide, "Friday into Saturday", at(ZONE, 2026, 12, 4, 23, 0), hours=2)
    event_at(guide, "Saturday", at(ZONE, 2026, 12, 5, 12, 0))
    event_at(guide, "Sunday night", at(ZONE, 2026, 12, 6, 23, 0), hours=0.5)
    event_at(guide, "Monday", at(ZONE, 2026, 12, 7, 0, 0))
    assert titles(client.get("/city-guide/weekend/")) == ["Friday into Saturday", "Saturday", "Sunday night"]


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (at(ZONE, 2026, 12, 5, 9, 0), ["Saturday", "Sunday"]),  # on Saturday: the whole weekend
        (at(ZONE, 2026, 12, 6, 9, 0), ["Sunday"]),  # on Sunday: what is left of it
    ],
)
def test_weekend_during_the_weekend(client, guide, venue, today, expected) -> None:
    event_at(guide, "Saturday", at(ZONE, 2026, 12, 5, 12, 0))
    event_at(guide, "Sunday", at(ZONE, 2026, 12, 6, 12, 0))
    event_at(guide, "Next Saturday", at(ZONE, 2026, 12, 12, 12, 0))
    with time_machine.travel(today, tick=False):
        assert titles(client.get("/city-guide/weekend/")) == expected


def test_next_seven_days_ends_before_the_eighth(client, guide, venue, frozen) -> None:
    event_at(guide, "Today", at(ZONE, 2026, 12, 2, 20, 0))
    event_at(guide, "Day seven, late", at(ZONE, 2026, 12, 8, 23, 0), hours=0.5)
    event_at(guide, "Day eight", at(ZONE, 2026, 12, 9, 0, 0))
    assert titles(client.get("/city-guide/week/")) == ["Today", "Day seven, late"]


def test_past_events_drop_off_but_keep_their_pages(client, guide, venue, frozen) -> None:
    past = event_at(guide, "Last week", at(ZONE, 2026, 11, 25, 19, 0))
    event_at(guide, "Next week", at(ZONE, 2026, 12, 9, 19, 0))
    assert titles(client.get("/city-guide/")) == ["Next week"]
    page = client.get(past.url)
    assert page.status_code == 200
    assert "This event has ended" in page.content.decode()


def test_a_date_page_and_its_bad_forms(client, guide, venue, frozen) -> None:
    event_at(guide, "Christmas concert", at(ZONE, 2026, 12, 25, 18, 0))
    event_at(guide, "Boxing Day", at(ZONE, 2026, 12, 26, 18, 0))
    response = client.get("/city-guide/2026/12/25/")
    assert titles(response) == ["Christmas concert"]
    assert "Friday 25 December 2026" in response.content.decode()
    for bad in ["2026/02/30/", "2026/13/01/", "0000/01/01/", "9999/12/31/", "2026/12/25/page/2/", "2026/12/25/page/x/"]:
        assert client.get(f"/city-guide/{bad}").status_code == 404, bad


def test_editors_picks_come_first(client, guide, venue, frozen) -> None:
    event_at(guide, "Early", at(ZONE, 2026, 12, 2, 18, 0))
    event_at(guide, "Late pick", at(ZONE, 2026, 12, 2, 22, 0), editors_pick=True)
    event_at(guide, "Middle", at(ZONE, 2026, 12, 2, 20, 0))
    response = client.get("/city-guide/today/")
    assert titles(response) == ["Late pick", "Early", "Middle"]
    assert "Editor&#x27;s pick" in response.content.decode() or "Editor's pick" in response.content.decode()


def test_lists_are_paginated_in_the_path(client, guide, venue, frozen, settings) -> None:
    settings.BROADSHEET_PAGE_SIZE = 2
    for hour in range(15, 20):
        event_at(guide, f"At {hour}", at(ZONE, 2026, 12, 2, hour, 0), hours=0.5)
    first = client.get("/city-guide/today/")
    assert titles(first) == ["At 15", "At 16"]
    assert 'href="/city-guide/today/page/2/"' in first.content.decode()
    assert titles(client.get("/city-guide/today/page/2/")) == ["At 17", "At 18"]
    assert titles(client.get("/city-guide/today/page/3/")) == ["At 19"]
    for missing in ["today/page/1/", "today/page/4/", "today/page/0/", "today/page/02/", "page/9/"]:
        assert client.get(f"/city-guide/{missing}").status_code == 404, missing


def test_by_category_and_by_venue(client, guide, venue, frozen) -> None:
    from .factories import make_venue

    other = make_venue("Old Cinema", "old-cinema")
    event_at(guide, "Gig", at(ZONE, 2026, 12, 3, 19, 0), venue=venue)
    event_at(guide, "Film", at(ZONE, 2026, 12, 3, 19, 0), category_slug="cinema", venue=other)
    cinema = client.get("/city-guide/category/cinema/")
    assert titles(cinema) == ["Film"]
    assert '<h1 class="page-header__title">Cinema</h1>' in cinema.content.decode()
    by_venue = client.get("/city-guide/venue/river-hall/")
    assert titles(by_venue) == ["Gig"]
    assert "12 Quay Street" in by_venue.content.decode()
    assert client.get("/city-guide/category/nope/").status_code == 404
    assert client.get("/city-guide/venue/nope/").status_code == 404


def test_the_front_links_every_window_and_category(client, guide, venue, frozen) -> None:
    html = client.get("/city-guide/").content.decode()
    for href in ["/city-guide/today/", "/city-guide/weekend/", "/city-guide/week/", "/city-guide/category/kids/"]:
        assert f'href="{href}"' in html
    assert 'action="/jump/listings/date/"' in html and 'type="date"' in html
    assert "What&#x27;s on in the river city." in html


def test_date_picker_without_javascript_redirects_to_the_baked_date_page(client, guide) -> None:
    response = client.get("/jump/listings/date/", {"date": "2026-12-25"})
    assert response.status_code == 302
    assert response["Location"] == "/city-guide/2026/12/25/"
    for bad in ["", "25/12/2026", "2026-02-30", "20261225", "<script>", "9999-12-31"]:
        refused = client.get("/jump/listings/date/", {"date": bad})
        assert refused.status_code == 400, bad
        assert "is not a date" in refused.content.decode()
        assert "<script>" not in refused.content.decode()


def test_the_guide_appears_in_the_section_menu(client, guide, newsroom, frozen) -> None:
    from broadsheet.sections.models import NavigationSettings

    navigation = NavigationSettings.for_site(newsroom.site)
    navigation.items.append(("guide", {"section": guide, "label": "What's on"}))
    navigation.save()
    html = client.get("/city-guide/").content.decode()
    assert 'href="/city-guide/" aria-current="page">What&#x27;s on</a>' in html
    assert 'href="/city-guide/" aria-current' not in client.get("/news/").content.decode()
    assert 'href="/city-guide/">What&#x27;s on</a>' in client.get("/news/").content.decode()

"""The list of date-dependent URLs the bake redoes after midnight, and that each one renders."""

import pytest
import time_machine

from broadsheet.listings.baking import time_window_urls

from .conftest import ZONE
from .factories import at, make_event

NOW = at(ZONE, 2026, 12, 2, 0, 5)  # just after midnight


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def test_time_window_urls_cover_the_windows_and_events_that_just_ended(client, guide, venue, frozen) -> None:
    ended = make_event(guide, "Last night", [(at(ZONE, 2026, 12, 1, 19), at(ZONE, 2026, 12, 1, 22))], venue=venue)
    make_event(guide, "Next week", [(at(ZONE, 2026, 12, 9, 19), at(ZONE, 2026, 12, 9, 22))], venue=venue)
    urls = time_window_urls()
    for expected in [
        "/city-guide/",
        "/city-guide/today/",
        "/city-guide/weekend/",
        "/city-guide/week/",
        "/city-guide/2026/12/02/",
        "/city-guide/category/concerts/",
        "/city-guide/category/concerts/calendar.ics",
        "/city-guide/venue/river-hall/",
        "/city-guide/calendar.ics",
        ended.url,
    ]:
        assert expected in urls
    assert "/city-guide/next-week/" not in urls
    assert len(urls) == len(set(urls))
    for url in urls:
        assert client.get(url).status_code == 200, url

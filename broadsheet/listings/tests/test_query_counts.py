"""A list of events and an event page cost the same number of queries however many events,
dates, pictures and venues there are (the lists load what teasers show in bulk)."""

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from broadsheet.core.tests.factories import make_image

from .conftest import ZONE
from .factories import at, make_event, make_venue

NOW = at(ZONE, 2026, 12, 2, 9, 0)


def queries(client, url: str) -> int:
    client.get(url)  # renditions are made on the first view
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def add_events(guide, count: int, offset: int) -> None:
    for number in range(offset, offset + count):
        venue = make_venue(f"Venue {number}", f"venue-{number}")
        dates = [(at(ZONE, 2026, 12, 2, 18 + n, 0), at(ZONE, 2026, 12, 2, 19 + n, 0)) for n in range(3)]
        make_event(
            guide,
            f"Event {number}",
            dates,
            venue=venue,
            image=make_image(f"Picture {number}", 640, 360),
            editors_pick=number % 2 == 0,
        )


@pytest.mark.parametrize("url", ["/city-guide/today/", "/city-guide/", "/city-guide/category/concerts/"])
def test_lists_cost_the_same_for_more_events(client, guide, url) -> None:
    with time_machine.travel(NOW, tick=False):
        add_events(guide, 2, 0)
        few = queries(client, url)
        add_events(guide, 6, 2)
        assert queries(client, url) == few

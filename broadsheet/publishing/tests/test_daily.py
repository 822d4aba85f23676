"""When the newsroom's day turns, the worker rebakes the pages computed from the date."""

import time_machine

from broadsheet.listings.tests.factories import at, make_guide
from broadsheet.publishing.daily import DayWatch, daily_urls

ZONE = "Europe/London"  # the newsroom fixture's zone


def test_the_city_guide_names_its_date_dependent_pages(newsroom):
    make_guide(newsroom.home)

    urls = daily_urls(at(ZONE, 2026, 12, 2, 0, 5).date())

    assert {"/city-guide/today/", "/city-guide/weekend/", "/city-guide/week/"} <= set(urls)


def test_the_rebake_is_queued_once_just_after_local_midnight(newsroom, bake_dir, rebakes):
    from broadsheet.publishing.bake import Baker

    make_guide(newsroom.home)
    with time_machine.travel(at(ZONE, 2026, 12, 1, 23, 0), tick=False):
        Baker(processes=1).run()
    watch = DayWatch()

    with time_machine.travel(at(ZONE, 2026, 12, 1, 23, 59), tick=False):
        assert watch.rebake_if_new_day() is False  # the worker starts: today is taken as baked
    with time_machine.travel(at(ZONE, 2026, 12, 1, 23, 59, 30), tick=False):
        assert watch.rebake_if_new_day() is False
    with time_machine.travel(at(ZONE, 2026, 12, 2, 0, 0, 30), tick=False):
        assert watch.rebake_if_new_day() is True
    with time_machine.travel(at(ZONE, 2026, 12, 2, 0, 1), tick=False):
        assert watch.rebake_if_new_day() is False

    assert len(rebakes) == 1
    assert "/city-guide/today/" in rebakes[0].written

"""The legal footer: copyright years, a notice in any script, the age rating."""

import datetime

import pytest
import time_machine

from broadsheet.core.tests.factories import make_site_settings
from broadsheet.core.tests.html import one, visible_text

UTC = datetime.UTC


def copyright_line(client, url: str = "/") -> str:
    return visible_text(one(client.get(url), ".site-footer__copyright"))


@pytest.mark.parametrize(
    ("now", "years"),
    [
        (datetime.datetime(2026, 6, 1, 12, 0, tzinfo=UTC), "1992–2026"),
        (datetime.datetime(2030, 6, 1, 12, 0, tzinfo=UTC), "1992–2030"),
    ],
)
def test_copyright_runs_from_the_founding_year_to_this_year(client, newsroom, now, years):
    with time_machine.travel(now, tick=False):
        line = copyright_line(client)

    assert line == f"© Copyright {years} Broadsheet Media Ltd"


def test_copyright_year_turns_with_the_site_time_zone(client, newsroom):
    make_site_settings(newsroom.site, time_zone="America/New_York")

    # 03:00 UTC on New Year's Day 2030 is still 2029 in New York.
    with time_machine.travel(datetime.datetime(2030, 1, 1, 3, 0, tzinfo=UTC), tick=False):
        line = copyright_line(client)

    assert "1992–2029" in line


def test_site_founded_this_year_shows_one_year(client, newsroom):
    make_site_settings(newsroom.site, founding_year=2026, copyright_holder="")

    with time_machine.travel(datetime.datetime(2026, 6, 1, 12, 0, tzinfo=UTC), tick=False):
        line = copyright_line(client)

    assert line == "© Copyright 2026 The Broadsheet Daily"


def test_legal_notice_keeps_its_script_and_line_breaks(client, newsroom):
    notice = one(client.get("/"), ".site-footer__notice")
    first, second = newsroom.settings.legal_notice.split("\n")

    assert visible_text(notice) == f"{first} {second}"
    # The two lines stay two lines: a <br> or separate paragraphs between them.
    html = notice.decode_contents()
    assert html.index(first) + len(first) < html.index(second)
    assert "<br" in html[html.index(first) : html.index(second)] or len(notice.select("p")) == 2


def test_age_rating_badge(client, newsroom):
    assert visible_text(one(client.get("/"), ".age-rating__badge")) == "16+"


def test_footer_is_on_every_kind_of_page(client, newsroom, person, tag):
    for url in ["/", "/news/", "/authors/anna-petrova/", "/tags/elections/", "/2017/11/", "/nothing-here/"]:
        assert "© Copyright 1992–" in copyright_line(client, url), url

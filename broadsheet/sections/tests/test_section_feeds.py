"""RSS and Atom feeds of one section: /feeds/sections/<slug>/rss.xml and atom.xml."""

import datetime

import feedparser
import pytest

from broadsheet.articles.tests.factories import make_article
from broadsheet.company.tests.factories import make_company_page
from broadsheet.feeds.tests.spec import ATOM, assert_valid_atom, assert_valid_rss

JULY_8 = datetime.datetime(2017, 7, 8, 6, 38, tzinfo=datetime.UTC)
HOUR = datetime.timedelta(hours=1)


@pytest.fixture
def stories(newsroom, person):
    return {
        "news": [
            make_article(newsroom.news, "Older news", JULY_8, authors=(person,)),
            make_article(newsroom.news, "Newer news", JULY_8 + HOUR, byline_credit="AP"),
        ],
        "business": [make_article(newsroom.business, "Markets", JULY_8 + 2 * HOUR)],
        "world_cup": [make_article(newsroom.world_cup, "Финал: 2–1 ⚽", JULY_8 + 3 * HOUR)],
    }


def test_section_rss_has_only_its_stories_newest_first(client, stories):
    response = client.get("/feeds/sections/news/rss.xml")

    channel = assert_valid_rss(response.content)
    assert channel.findtext("title") == "News — The Broadsheet Daily"
    assert channel.findtext("link") == "http://localhost/news/"
    assert channel.findtext("description") == "What happened today."
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert [entry.title for entry in parsed.entries] == ["Newer news", "Older news"]
    assert [entry.author for entry in parsed.entries] == ["AP", "Anna Petrova"]
    assert parsed.entries[1].published == "Sat, 08 Jul 2017 07:38:00 +0100"
    assert parsed.feed.links[-1].href == "http://localhost/feeds/sections/news/rss.xml"


def test_section_atom(client, stories):
    response = client.get("/feeds/sections/world-cup/atom.xml")

    feed = assert_valid_atom(response.content)
    assert feed.findtext(f"{ATOM}title") == "World Сup — The Broadsheet Daily"
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert [entry.title for entry in parsed.entries] == ["Финал: 2–1 ⚽"]
    assert parsed.entries[0].published == "2017-07-08T10:38:00+01:00"
    assert parsed.entries[0].id == f"tag:localhost,2017-07-08:article-{stories['world_cup'][0].pk}"


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_unknown_or_unpublished_sections_and_other_pages_are_404(client, newsroom, kind):
    newsroom.opinion.unpublish()
    make_company_page(newsroom.home, "About us", "about-us")

    for slug in ["sport", "opinion", "about-us", "%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8", "news..", "-"]:
        assert client.get(f"/feeds/sections/{slug}/{kind}.xml").status_code == 404, slug

"""RSS and Atom feeds of one tag: /feeds/tags/<slug>/rss.xml and atom.xml."""

import datetime
from types import SimpleNamespace

import feedparser
import pytest

from broadsheet.articles.tests.factories import make_article
from broadsheet.feeds.tests.spec import ATOM, assert_valid_atom, assert_valid_rss
from broadsheet.taxonomy.tests.factories import make_tag

JULY_8 = datetime.datetime(2017, 7, 8, 6, 38, tzinfo=datetime.UTC)
HOUR = datetime.timedelta(hours=1)


@pytest.fixture
def stories(newsroom, person, tag):
    cyrillic = make_tag("Выборы-2026")
    return SimpleNamespace(
        tagged=[
            make_article(newsroom.news, "Polls open", JULY_8, tags=(tag,), authors=(person,)),
            make_article(newsroom.business, "Markets & polls", JULY_8 + HOUR, tags=(tag, cyrillic)),
        ],
        cyrillic=cyrillic,
        untagged=make_article(newsroom.news, "Weather", JULY_8 + 2 * HOUR),
    )


def test_tag_rss(client, stories):
    response = client.get("/feeds/tags/elections/rss.xml")

    channel = assert_valid_rss(response.content)
    assert channel.findtext("title") == "Elections — The Broadsheet Daily"
    assert channel.findtext("link") == "http://localhost/tags/elections/"
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert [entry.title for entry in parsed.entries] == ["Markets & polls", "Polls open"]
    assert [tag.term for tag in parsed.entries[0].tags] == ["Business", "Elections", "Выборы-2026"]
    assert parsed.entries[1].author == "Anna Petrova"


def test_tag_atom_of_a_cyrillic_tag(client, stories):
    response = client.get(f"/feeds/tags/{stories.cyrillic.slug}/atom.xml")

    feed = assert_valid_atom(response.content)
    assert feed.findtext(f"{ATOM}title") == "Выборы-2026 — The Broadsheet Daily"
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert [entry.title for entry in parsed.entries] == ["Markets & polls"]
    assert parsed.entries[0].updated == "2017-07-08T08:38:00+01:00"


@pytest.mark.parametrize("kind", ["rss", "atom"])
@pytest.mark.parametrize("slug", ["no-such-tag", "%D0%B2%D1%8B%D0%B1%D0%BE%D1%80%D1%8B"])
def test_unknown_tag_is_404(client, newsroom, tag, kind, slug):
    assert client.get(f"/feeds/tags/{slug}/{kind}.xml").status_code == 404

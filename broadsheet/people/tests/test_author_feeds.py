"""RSS and Atom feeds of one author: /feeds/authors/<slug>/rss.xml and atom.xml."""

import datetime

import feedparser
import pytest

from broadsheet.articles.tests.factories import make_article
from broadsheet.feeds.tests.spec import ATOM, assert_valid_atom, assert_valid_rss
from broadsheet.people.tests.factories import make_person

JULY_8 = datetime.datetime(2017, 7, 8, 6, 38, tzinfo=datetime.UTC)
HOUR = datetime.timedelta(hours=1)


@pytest.fixture
def colleague(db):
    return make_person("Иван Соколов")


@pytest.fixture
def stories(newsroom, person, colleague):
    return [
        make_article(newsroom.news, "Solo piece", JULY_8, authors=(person,)),
        make_article(newsroom.business, "Joint piece", JULY_8 + HOUR, authors=(colleague, person)),
        make_article(newsroom.news, "Someone else's", JULY_8 + 2 * HOUR, authors=(colleague,)),
    ]


def test_author_rss(client, stories):
    response = client.get("/feeds/authors/anna-petrova/rss.xml")

    channel = assert_valid_rss(response.content)
    assert channel.findtext("title") == "Anna Petrova — The Broadsheet Daily"
    assert channel.findtext("description") == (
        "The newest stories by Anna Petrova, Business correspondent, from The Broadsheet Daily."
    )
    assert channel.findtext("link") == "http://localhost/authors/anna-petrova/"
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert [entry.title for entry in parsed.entries] == ["Joint piece", "Solo piece"]
    assert [author["name"] for author in parsed.entries[0].authors] == ["Иван Соколов", "Anna Petrova"]


def test_author_atom(client, stories, colleague):
    response = client.get(f"/feeds/authors/{colleague.slug}/atom.xml")

    feed = assert_valid_atom(response.content)
    assert feed.findtext(f"{ATOM}title") == "Иван Соколов — The Broadsheet Daily"
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert [entry.title for entry in parsed.entries] == ["Someone else's", "Joint piece"]
    assert parsed.entries[1].authors[0] == {"name": "Иван Соколов", "href": "http://localhost/authors/ivan-sokolov/"}


@pytest.mark.parametrize("kind", ["rss", "atom"])
@pytest.mark.parametrize("slug", ["nobody", "anna%20petrova"])
def test_unknown_author_is_404(client, newsroom, person, kind, slug):
    assert client.get(f"/feeds/authors/{slug}/{kind}.xml").status_code == 404

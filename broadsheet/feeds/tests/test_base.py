"""The shared base on its own: a tiny feed of plain objects, in the three formats.

The concrete feeds (articles, sections, tags, authors) have their own tests;
these pin what any feed built on the base gets, whatever its items.
"""

import datetime
import json
from types import SimpleNamespace

import feedparser
import pytest
from django.test import RequestFactory
from lxml import etree

from broadsheet.core.memo import memo_scope
from broadsheet.feeds.base import BroadsheetFeed, tag_uri
from broadsheet.feeds.generators import AtomFeed, JsonFeed, RssFeed

UTC = datetime.UTC
PUBLISHED = datetime.datetime(2017, 11, 8, 6, 38, tzinfo=UTC)
HOSTILE = "Bell\x07 & <script>alert(1)</script> 🗳️ Выборы"


class NotesFeed(BroadsheetFeed):
    """What a corrections or editions feed would look like."""

    title = "Notes"
    description = "Every note"

    def link(self) -> str:
        return self.absolute_url("/notes/")

    def items(self) -> list:
        return [
            SimpleNamespace(pk=7, title=HOSTILE, summary="S\x00ummary & <b>", at=PUBLISHED),
            SimpleNamespace(pk=8, title="Plain", summary="", at=PUBLISHED + datetime.timedelta(hours=1)),
        ]

    def item_title(self, item) -> str:
        return item.title

    def item_description(self, item) -> str:
        return item.summary

    def item_link(self, item) -> str:
        return self.absolute_url(f"/notes/{item.pk}/")

    def item_pubdate(self, item) -> datetime.datetime:
        return item.at

    def item_guid_name(self, item) -> str:
        return f"note-{item.pk}"

    def item_authors(self, item) -> list[dict]:
        return [{"name": "Anna\x0b Petrova", "url": self.absolute_url("/authors/anna/")}, {"name": "Reuters"}]

    def item_content_html(self, item) -> str:
        return f'<p class="x">See <a href="/notes/{item.pk}/">here</a></p><script>x()</script>'


@pytest.fixture
def get(site):
    def get(feed_type, **headers):
        request = RequestFactory().get("/notes/feed.xml", **headers)
        return NotesFeed(feed_type)(request)

    return get


def test_tag_uri():
    assert tag_uri("example.com", datetime.date(2017, 11, 8), "article-42") == "tag:example.com,2017-11-08:article-42"


def test_rss_is_well_formed_and_keeps_hostile_text(get):
    response = get(RssFeed)

    root = etree.fromstring(response.content)
    item = root.find("channel/item")
    assert item.findtext("title") == "Bell & <script>alert(1)</script> 🗳️ Выборы"
    assert item.findtext("guid") == "tag:localhost,2017-11-08:note-7"
    assert item.find("guid").get("isPermaLink") == "false"
    assert item.findtext("link") == "http://localhost/notes/7/"
    assert [c.text for c in item.findall("{http://purl.org/dc/elements/1.1/}creator")] == ["Anna Petrova", "Reuters"]
    # Descriptions are HTML in RSS: the plain summary arrives escaped, once.
    assert item.findtext("description") == "Summary &amp; &lt;b&gt;"
    assert item.findtext("{http://purl.org/rss/1.0/modules/content/}encoded") == (
        '<p>See <a href="http://localhost/notes/7/">here</a></p>'
    )
    assert not feedparser.parse(response.content).bozo


def test_atom_writes_every_author_and_text_titles(get):
    response = get(AtomFeed)

    atom = "{http://www.w3.org/2005/Atom}"
    entry = etree.fromstring(response.content).find(f"{atom}entry")
    assert entry.findtext(f"{atom}title") == "Bell & <script>alert(1)</script> 🗳️ Выборы"
    assert [a.findtext(f"{atom}name") for a in entry.findall(f"{atom}author")] == ["Anna Petrova", "Reuters"]
    assert entry.findtext(f"{atom}summary") == "Summary & <b>"
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo
    assert parsed.entries[0].title == "Bell & <script>alert(1)</script> 🗳️ Выборы"


def test_json_feed(get):
    response = get(JsonFeed)

    assert response["Content-Type"] == "application/feed+json; charset=utf-8"
    feed = json.loads(response.content)
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    ids = [item["id"] for item in feed["items"]]
    assert ids == ["tag:localhost,2017-11-08:note-7", "tag:localhost,2017-11-08:note-8"]
    assert feed["items"][0]["title"] == "Bell & <script>alert(1)</script> 🗳️ Выборы"
    assert feed["items"][0]["authors"] == [
        {"name": "Anna Petrova", "url": "http://localhost/authors/anna/"},
        {"name": "Reuters"},
    ]


@pytest.mark.parametrize("feed_type", [RssFeed, AtomFeed, JsonFeed])
def test_conditional_get(get, feed_type):
    first = get(feed_type)
    assert first.status_code == 200
    assert first["Last-Modified"] == "Wed, 08 Nov 2017 07:38:00 GMT"

    assert get(feed_type, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    assert get(feed_type, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304
    assert get(feed_type, HTTP_IF_NONE_MATCH='"something-else"').status_code == 200
    assert get(feed_type, HTTP_IF_MODIFIED_SINCE="Wed, 08 Nov 2017 07:37:59 GMT").status_code == 200


def test_the_id_authority_can_be_fixed_before_a_domain_move(get, settings):
    settings.BROADSHEET_FEED_ID_AUTHORITY = "old-domain.example"

    item = etree.fromstring(get(RssFeed).content).find("channel/item")

    assert item.findtext("guid") == "tag:old-domain.example,2017-11-08:note-7"


def test_in_a_bake_each_items_extras_are_worked_out_once_for_every_feed(get, monkeypatch):
    calls = []
    original = NotesFeed.item_content_html

    def counting(self, item):
        calls.append(item.pk)
        return original(self, item)

    monkeypatch.setattr(NotesFeed, "item_content_html", counting)
    uncached = [get(feed_type).content for feed_type in (RssFeed, AtomFeed, JsonFeed)]
    assert sorted(calls) == [7, 7, 7, 8, 8, 8]

    calls.clear()
    with memo_scope():
        cached = [get(feed_type).content for feed_type in (RssFeed, AtomFeed, JsonFeed)]
    assert sorted(calls) == [7, 8]
    assert cached == uncached

    calls.clear()
    get(RssFeed)  # the cache ends with the block
    assert sorted(calls) == [7, 8]

"""Structural checks of RSS 2.0, Atom 1.0 and JSON Feed 1.1, for every feed's tests.

Each check is a rule of its specification that can be tested without a
validator service: required elements, date formats, absolute links, unique
ids. They parse with lxml (strict XML) and return the parsed tree.
"""

import email.utils
import json
import re

from lxml import etree

ATOM = "{http://www.w3.org/2005/Atom}"
DC = "{http://purl.org/dc/elements/1.1/}"
DCTERMS = "{http://purl.org/dc/terms/}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}"
MEDIA = "{http://search.yahoo.com/mrss/}"

# RFC 822 as updated by RFC 1123 (four-digit years), with a numeric zone.
RFC_822 = re.compile(
    r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} "
    r"\d{2}:\d{2}:\d{2} [+-]\d{4}$"
)
RFC_3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
ABSOLUTE = re.compile(r"^https?://[^/\s]+/")
TAG_URI = re.compile(r"^tag:[a-z0-9.-]+,\d{4}-\d{2}-\d{2}:\S+$")


def assert_rfc_822(value: str | None) -> None:
    assert value and RFC_822.match(value), value
    assert email.utils.parsedate_to_datetime(value).tzinfo is not None


def assert_rfc_3339(value: str | None) -> None:
    assert value and RFC_3339.match(value), value


def assert_valid_rss(content: bytes):
    """RSS 2.0 (rssboard.org/rss-specification) plus the modules we use; returns the <channel>."""
    root = etree.fromstring(content)
    assert root.tag == "rss" and root.get("version") == "2.0"
    channels = root.findall("channel")
    assert len(channels) == 1
    channel = channels[0]
    for required in ("title", "link", "description"):
        assert channel.find(required) is not None, f"channel without <{required}>"
    assert ABSOLUTE.match(channel.findtext("link"))
    assert_rfc_822(channel.findtext("lastBuildDate"))
    self_link = channel.find(f"{ATOM}link[@rel='self']")
    assert self_link is not None and ABSOLUTE.match(self_link.get("href"))
    guids = []
    for item in channel.findall("item"):
        assert item.findtext("title") or item.findtext("description"), "item without title or description"
        assert ABSOLUTE.match(item.findtext("link"))
        assert_rfc_822(item.findtext("pubDate"))
        guid = item.find("guid")
        assert guid is not None and guid.get("isPermaLink") == "false"
        assert TAG_URI.match(guid.text), guid.text
        guids.append(guid.text)
        for modified in item.findall(f"{DCTERMS}modified"):
            assert_rfc_3339(modified.text)
        enclosures = item.findall("enclosure")
        assert len(enclosures) <= 1, "RSS allows one enclosure per item"
        for enclosure in enclosures:
            assert ABSOLUTE.match(enclosure.get("url"))
            assert enclosure.get("length").isdigit()
            assert enclosure.get("type").startswith("image/")
        for media in item.findall(f"{MEDIA}content"):
            assert ABSOLUTE.match(media.get("url"))
            assert media.get("medium") == "image"
    assert len(guids) == len(set(guids)), "guids are not unique"
    return channel


def assert_valid_atom(content: bytes):
    """Atom 1.0 (RFC 4287); returns the <feed>."""
    feed = etree.fromstring(content)
    assert feed.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated"):
        assert len(feed.findall(f"{ATOM}{required}")) == 1, f"feed needs exactly one <{required}>"
    assert_rfc_3339(feed.findtext(f"{ATOM}updated"))
    self_link = feed.find(f"{ATOM}link[@rel='self']")
    assert self_link is not None and ABSOLUTE.match(self_link.get("href"))
    feed_has_author = feed.find(f"{ATOM}author/{ATOM}name") is not None
    ids = []
    for entry in feed.findall(f"{ATOM}entry"):
        for required in ("id", "title", "updated"):
            assert len(entry.findall(f"{ATOM}{required}")) == 1, f"entry needs exactly one <{required}>"
        assert_rfc_3339(entry.findtext(f"{ATOM}updated"))
        assert_rfc_3339(entry.findtext(f"{ATOM}published"))
        assert feed_has_author or entry.find(f"{ATOM}author/{ATOM}name") is not None
        alternate = entry.find(f"{ATOM}link[@rel='alternate']")
        assert alternate is not None and ABSOLUTE.match(alternate.get("href"))
        assert TAG_URI.match(entry.findtext(f"{ATOM}id"))
        ids.append(entry.findtext(f"{ATOM}id"))
        for content_element in entry.findall(f"{ATOM}content"):
            assert content_element.get("type") == "html"
        for author in entry.findall(f"{ATOM}author"):
            assert author.findtext(f"{ATOM}name")
        for category in entry.findall(f"{ATOM}category"):
            assert category.get("term")
    assert len(ids) == len(set(ids)), "entry ids are not unique"
    return feed


def assert_valid_json_feed(content: bytes) -> dict:
    """JSON Feed 1.1 (jsonfeed.org/version/1.1); returns the parsed feed."""
    feed = json.loads(content)
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert isinstance(feed["title"], str) and feed["title"]
    assert ABSOLUTE.match(feed["home_page_url"]) and ABSOLUTE.match(feed["feed_url"])
    assert isinstance(feed["items"], list)
    ids = []
    for item in feed["items"]:
        assert isinstance(item["id"], str) and item["id"]
        ids.append(item["id"])
        assert "content_html" in item or "content_text" in item
        assert ABSOLUTE.match(item["url"])
        assert_rfc_3339(item["date_published"])
        assert_rfc_3339(item["date_modified"])
        for author in item.get("authors", []):
            assert author["name"]
        if "image" in item:
            assert ABSOLUTE.match(item["image"])
    assert len(ids) == len(set(ids)), "item ids are not unique"
    return feed

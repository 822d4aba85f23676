"""The whole site's feeds: RSS 2.0, Atom 1.0 and JSON Feed 1.1 of the newest stories."""

import datetime
import json

import feedparser
import pytest
import time_machine
from lxml import etree
from wagtail.models import PageViewRestriction

from broadsheet.articles.tests.factories import image_block, make_article, make_articles, paragraph
from broadsheet.core.tests.factories import make_image
from broadsheet.feeds.tests.spec import (
    ATOM,
    CONTENT,
    DC,
    DCTERMS,
    MEDIA,
    assert_valid_atom,
    assert_valid_json_feed,
    assert_valid_rss,
)
from broadsheet.people.tests.factories import make_person
from broadsheet.taxonomy.tests.factories import make_tag

UTC = datetime.UTC
# Summer, so the site's zone (Europe/London) shows as +01:00.
JULY_8 = datetime.datetime(2017, 7, 8, 6, 38, tzinfo=UTC)
HOUR = datetime.timedelta(hours=1)


@pytest.fixture
def stories(newsroom, person, tag):
    photo = make_image("Harbour", 1600, 900, credit="Image credit")
    colleague = make_person("Иван Соколов")
    first = make_article(
        newsroom.news,
        "Ferry & port strike ends",
        JULY_8,
        standfirst="Workers vote <yes> after 3 days.",
        authors=(person, colleague),
        tags=(tag,),
        lead_image=photo,
        lead_image_caption="The harbour at dawn",
        body=[
            paragraph(
                'Read <a href="/about-us/">about us</a> and <a href="https://example.org/a?b=1&amp;c=2">this</a>.'
            ),
            image_block(photo, "Ships"),
        ],
    )
    second = make_article(
        newsroom.business,
        "Выборы: markets rally 📈",
        JULY_8 + HOUR,
        byline_credit="Reuters",
        significant_update_at=JULY_8 + 3 * HOUR,
    )
    third = make_article(newsroom.opinion, "No authors, no picture", JULY_8 + 2 * HOUR)
    return [third, second, first]  # newest first


def test_rss_carries_the_newest_stories_with_dates_and_authors(client, stories):
    response = client.get("/feeds/rss.xml")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/rss+xml; charset=utf-8"
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.feed.title == "The Broadsheet Daily"
    assert [entry.title for entry in parsed.entries] == [
        "No authors, no picture",
        "Выборы: markets rally 📈",
        "Ferry & port strike ends",
    ]
    first = parsed.entries[2]
    assert first.link == f"http://localhost{stories[2].url}"
    assert first.published == "Sat, 08 Jul 2017 07:38:00 +0100"
    assert first.published_parsed[:6] == (2017, 7, 8, 6, 38, 0)  # feedparser normalises to UTC
    assert [author["name"] for author in first.authors] == ["Anna Petrova", "Иван Соколов"]
    assert first.id == f"tag:localhost,2017-07-08:article-{stories[2].pk}"
    assert [tag.term for tag in first.tags] == ["News", "Elections"]
    assert parsed.entries[1].authors == [{"name": "Reuters"}]


def test_rss_follows_the_specification(client, stories):
    channel = assert_valid_rss(client.get("/feeds/rss.xml").content)

    assert channel.findtext("link") == "http://localhost/"
    assert channel.findtext("language") == "en-gb"
    assert channel.findtext("lastBuildDate") == "Sat, 08 Jul 2017 10:38:00 +0100"
    first = channel.findall("item")[2]
    assert [creator.text for creator in first.findall(f"{DC}creator")] == ["Anna Petrova", "Иван Соколов"]
    assert first.findtext("description") == "Workers vote &lt;yes&gt; after 3 days."
    assert first.find(f"{DCTERMS}modified") is None
    updated = channel.findall("item")[1]
    assert updated.findtext(f"{DCTERMS}modified") == "2017-07-08T10:38:00+01:00"


def test_rss_lead_image_is_an_enclosure_and_media_content_with_its_credit(client, stories):
    item = assert_valid_rss(client.get("/feeds/rss.xml").content).findall("item")[2]

    enclosure = item.find("enclosure")
    assert enclosure.get("url").startswith("http://localhost/media/images/harbour")
    assert enclosure.get("url").endswith(".width-1200.png")
    assert enclosure.get("type") == "image/png"
    assert int(enclosure.get("length")) > 0
    media = item.find(f"{MEDIA}content")
    assert media.get("url") == enclosure.get("url")
    assert (media.get("width"), media.get("height")) == ("1200", "675")
    assert media.findtext(f"{MEDIA}credit") == "Image credit"
    assert media.findtext(f"{MEDIA}description") == "The harbour at dawn"


def test_full_content_is_sanitised_with_absolute_links_and_images(client, stories):
    item = assert_valid_rss(client.get("/feeds/rss.xml").content).findall("item")[2]

    content = item.findtext(f"{CONTENT}encoded")
    assert '<a href="http://localhost/about-us/">about us</a>' in content
    assert '<a href="https://example.org/a?b=1&amp;c=2">this</a>' in content
    assert '<img alt="Harbour" height="675" src="http://localhost/media/images/harbour' in content
    assert '.width-1200.png" width="1200"/>' in content
    assert "Ships\nPhoto: Image credit\n</figcaption>" in content
    assert "class=" not in content and "srcset" not in content and 'src="/' not in content


def test_atom_follows_the_specification(client, stories):
    response = client.get("/feeds/atom.xml")

    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    feed = assert_valid_atom(response.content)
    assert feed.findtext(f"{ATOM}updated") == "2017-07-08T10:38:00+01:00"
    entries = feed.findall(f"{ATOM}entry")
    first = entries[2]
    assert first.findtext(f"{ATOM}published") == "2017-07-08T07:38:00+01:00"
    assert first.findtext(f"{ATOM}updated") == "2017-07-08T07:38:00+01:00"
    assert [(a.findtext(f"{ATOM}name"), a.findtext(f"{ATOM}uri")) for a in first.findall(f"{ATOM}author")] == [
        ("Anna Petrova", "http://localhost/authors/anna-petrova/"),
        ("Иван Соколов", "http://localhost/authors/ivan-sokolov/"),
    ]
    assert first.findtext(f"{ATOM}summary") == "Workers vote <yes> after 3 days."
    assert 'href="http://localhost/about-us/"' in first.findtext(f"{ATOM}content")
    enclosure = first.find(f"{ATOM}link[@rel='enclosure']")
    assert enclosure.get("type") == "image/png"
    assert first.find(f"{MEDIA}content/{MEDIA}credit").text == "Image credit"
    assert entries[1].findtext(f"{ATOM}updated") == "2017-07-08T10:38:00+01:00"

    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert [entry.title for entry in parsed.entries][2] == "Ferry & port strike ends"
    assert [author.name for author in parsed.entries[2].authors] == ["Anna Petrova", "Иван Соколов"]
    assert parsed.entries[1].updated_parsed[:6] == (2017, 7, 8, 9, 38, 0)


def test_json_feed_follows_the_specification(client, stories):
    response = client.get("/feeds/feed.json")

    assert response["Content-Type"] == "application/feed+json; charset=utf-8"
    feed = assert_valid_json_feed(response.content)
    assert feed["feed_url"] == "http://localhost/feeds/feed.json"
    assert [item["title"] for item in feed["items"]][1] == "Выборы: markets rally 📈"
    first = feed["items"][2]
    assert first["id"] == f"tag:localhost,2017-07-08:article-{stories[2].pk}"
    assert first["date_published"] == "2017-07-08T07:38:00+01:00"
    assert first["summary"] == "Workers vote <yes> after 3 days."
    assert first["authors"][0] == {"name": "Anna Petrova", "url": "http://localhost/authors/anna-petrova/"}
    assert first["tags"] == ["News", "Elections"]
    assert first["image"].endswith(".width-1200.png")


def test_feeds_carry_the_50_newest_published_stories_only(client, newsroom):
    make_articles(newsroom.news, 52, JULY_8)
    draft = make_article(newsroom.news, "A draft", JULY_8 + 100 * HOUR)
    draft.unpublish()
    private = make_article(newsroom.news, "Staff only", JULY_8 + 101 * HOUR)
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    rss = feedparser.parse(client.get("/feeds/rss.xml").content)
    atom = feedparser.parse(client.get("/feeds/atom.xml").content)
    feed = json.loads(client.get("/feeds/feed.json").content)

    expected = [f"Story {number:02d}" for number in range(52, 2, -1)]
    assert [entry.title for entry in rss.entries] == expected
    assert [entry.title for entry in atom.entries] == expected
    assert [item["title"] for item in feed["items"]] == expected


def test_an_item_keeps_its_id_when_the_headline_and_slug_change(client, stories):
    article = stories[2]
    before = feedparser.parse(client.get("/feeds/atom.xml").content).entries[2]

    article.title = "Ferry strike ends after vote"
    article.slug = "ferry-strike-ends-after-vote"
    article.save()
    after = feedparser.parse(client.get("/feeds/atom.xml").content).entries[2]
    rss_after = feedparser.parse(client.get("/feeds/rss.xml").content).entries[2]

    assert after.title == "Ferry strike ends after vote"
    assert after.link != before.link
    assert after.id == before.id == rss_after.id


# No NUL: PostgreSQL cannot store it, and Django's form fields refuse it before it gets
# there; the feed base's own tests (feeds/tests) strip it from text that never was stored.
HOSTILE_TITLE = "Bell\x07 & <script>alert('x')</script> \x1b[31m 🗳️ Выборы\x0c and Ελλάδα"
CLEAN_TITLE = "Bell & <script>alert('x')</script> [31m 🗳️ Выборы and Ελλάδα"


@pytest.fixture
def hostile(newsroom):
    person = make_person("Null\x0c Byte & <b>Co</b>")
    tag = make_tag("Tag\x0c <i>&</i>")
    return make_article(
        newsroom.news,
        HOSTILE_TITLE,
        JULY_8,
        slug="hostile",
        standfirst="Form\x0cfeed & <img src=x onerror=alert(1)>",
        byline_credit="Agency\x01",
        authors=(person,),
        tags=(tag,),
        body=[paragraph("Body\x08 text &amp; <script>alert(1)</script> ☃")],
    )


@pytest.mark.parametrize("url", ["/feeds/rss.xml", "/feeds/atom.xml"])
def test_hostile_text_leaves_the_feed_well_formed_and_intact(client, hostile, url):
    response = client.get(url)

    assert response.status_code == 200
    root = etree.fromstring(response.content)  # strict XML: raises if not well-formed
    titles = root.findall(".//item/title") + root.findall(f".//{ATOM}entry/{ATOM}title")
    assert [title.text for title in titles] == [CLEAN_TITLE]
    text = response.content.decode()
    assert "Null Byte &amp; &lt;b&gt;Co&lt;/b&gt;" in text
    assert "Agency<" in text and "Tag &lt;i&gt;&amp;&lt;/i&gt;" in text
    # The standfirst: plain text in Atom, escaped HTML in RSS; its markup never live.
    assert "Formfeed &amp; &lt;img src=x" in text or "Formfeed &amp;amp; &amp;lt;img src=x" in text
    assert "Body text &amp;amp;  ☃" in text  # the body's script dropped, its text sanitised
    assert not feedparser.parse(response.content).bozo


def test_hostile_text_leaves_the_json_feed_intact(client, hostile):
    item = json.loads(client.get("/feeds/feed.json").content)["items"][0]

    assert item["title"] == CLEAN_TITLE
    assert item["authors"][0]["name"] == "Null Byte & <b>Co</b>"
    assert item["tags"] == ["News", "Tag <i>&</i>"]
    assert "<script>" not in item["content_html"] and "☃" in item["content_html"]


@pytest.mark.parametrize("url", ["/feeds/rss.xml", "/feeds/atom.xml", "/feeds/feed.json"])
def test_repeat_requests_get_304(client, stories, newsroom, url):
    first = client.get(url)
    assert first["ETag"] and first["Last-Modified"] == "Sat, 08 Jul 2017 09:38:00 GMT"

    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304

    make_article(newsroom.news, "Breaking", JULY_8 + 5 * HOUR)
    changed = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200
    assert changed["ETag"] != first["ETag"]
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 200


def test_a_quiet_edit_moves_last_modified_but_not_the_items_updated_date(client, stories):
    first = client.get("/feeds/atom.xml")
    article = stories[0]
    article.standfirst = "A typo fixed."
    article.last_published_at = JULY_8 + 6 * HOUR
    article.save()

    after = client.get("/feeds/atom.xml", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])

    assert after.status_code == 200
    assert after["Last-Modified"] == "Sat, 08 Jul 2017 12:38:00 GMT"
    entry = assert_valid_atom(after.content).findall(f"{ATOM}entry")[0]
    assert entry.findtext(f"{ATOM}updated") == "2017-07-08T09:38:00+01:00"


def test_an_empty_site_still_has_valid_and_unchanging_feeds(client, newsroom):
    assert_valid_rss(client.get("/feeds/rss.xml").content)
    assert_valid_atom(client.get("/feeds/atom.xml").content)
    assert assert_valid_json_feed(client.get("/feeds/feed.json").content)["items"] == []
    # Nothing in it, nothing changes: the same bytes, so caches and the baked copy stay put.
    first = client.get("/feeds/atom.xml")
    with time_machine.travel(datetime.datetime.now(UTC) + HOUR):
        again = client.get("/feeds/atom.xml", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304


@pytest.mark.parametrize(
    "url", ["/feeds/rss.xml/", "/feeds/rss", "/feeds/feed.xml", "/feeds/sections/rss.xml", "/feeds/%00/rss.xml"]
)
def test_malformed_feed_urls_are_404(client, newsroom, url):
    # Django's APPEND_SLASH may redirect first; where it ends is a 404, never a 500.
    assert client.get(url, follow=True).status_code == 404

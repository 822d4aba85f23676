"""Readers find the feeds: autodiscovery links in each page's head, and the footer's “Follow” group."""

import datetime
import json

import pytest

from broadsheet.articles.tests.factories import make_article
from broadsheet.core.tests.factories import make_site_settings
from broadsheet.core.tests.html import soup

SITE = "The Broadsheet Daily"
SITE_FEEDS = [
    ("application/rss+xml", f"{SITE} (RSS)", "/feeds/rss.xml"),
    ("application/atom+xml", f"{SITE} (Atom)", "/feeds/atom.xml"),
    ("application/feed+json", f"{SITE} (JSON Feed)", "/feeds/feed.json"),
]


def alternates(response) -> list[tuple[str, str, str]]:
    return [(link["type"], link["title"], link["href"]) for link in soup(response).select('head link[rel="alternate"]')]


@pytest.fixture
def story(newsroom, person, tag):
    return make_article(
        newsroom.news,
        "A story",
        datetime.datetime(2017, 7, 8, 6, 38, tzinfo=datetime.UTC),
        authors=(person,),
        tags=(tag,),
    )


def test_home_page_offers_the_site_feeds(client, story):
    assert alternates(client.get("/")) == SITE_FEEDS


def test_article_page_offers_the_site_feeds(client, story):
    assert alternates(client.get(story.url)) == SITE_FEEDS


@pytest.mark.parametrize(
    ("page", "name", "feeds"),
    [
        ("/news/", "News", "/feeds/sections/news/"),
        ("/tags/elections/", "Elections", "/feeds/tags/elections/"),
        ("/authors/anna-petrova/", "Anna Petrova", "/feeds/authors/anna-petrova/"),
    ],
)
def test_list_pages_offer_their_own_feeds_first(client, story, page, name, feeds):
    assert alternates(client.get(page)) == [
        ("application/rss+xml", f"{SITE}: {name} (RSS)", f"{feeds}rss.xml"),
        ("application/atom+xml", f"{SITE}: {name} (Atom)", f"{feeds}atom.xml"),
        *SITE_FEEDS,
    ]


@pytest.mark.parametrize("page", ["/", "/news/", "/tags/elections/", "/authors/anna-petrova/"])
def test_every_advertised_feed_answers_with_its_type(client, story, page):
    for mime_type, _, href in alternates(client.get(page)):
        response = client.get(href)
        assert response.status_code == 200, href
        assert response["Content-Type"].startswith(mime_type)
        if mime_type.endswith("json"):
            assert json.loads(response.content)["items"][0]["title"] == "A story"
        else:
            assert (
                b"<title>A story</title>" in response.content
                or b'<title type="text">A story</title>' in response.content
            )


def follow_links(response) -> list[tuple[str, str, str | None, str | None]]:
    for group in soup(response).select(".site-footer .link-group"):
        if group.select_one(".link-group__heading").get_text(strip=True) == "Follow":
            return [
                (link.get_text(strip=True), link["href"], link.get("rel") and " ".join(link["rel"]), link.get("type"))
                for link in group.select(".link-group__link")
            ]
    return []


FEED_FOLLOW_LINKS = [
    ("RSS feed", "/feeds/rss.xml", "alternate", "application/rss+xml"),
    ("Atom feed", "/feeds/atom.xml", "alternate", "application/atom+xml"),
    ("JSON Feed", "/feeds/feed.json", "alternate", "application/feed+json"),
]


def test_footer_follow_group_links_to_the_feeds(client, newsroom):
    assert follow_links(client.get("/")) == FEED_FOLLOW_LINKS


def test_footer_follow_group_lists_profiles_then_feeds_without_repeating_an_editors_link(client, newsroom):
    make_site_settings(
        newsroom.site,
        social_profiles=json.dumps([{"type": "profile", "value": {"network": "telegram", "url": "https://t.me/x"}}]),
        footer_links=json.dumps(
            [
                {
                    "type": "group",
                    "value": {"heading": "Follow", "links": [{"label": "Our RSS", "url": "/feeds/rss.xml"}]},
                }
            ]
        ),
    )

    assert follow_links(client.get("/news/")) == [
        ("Our RSS", "/feeds/rss.xml", None, None),
        ("Telegram", "https://t.me/x", "me", None),
        *FEED_FOLLOW_LINKS[1:],
    ]

"""/tags/<slug>/: every story with a tag, across sections, newest first."""

import datetime

from broadsheet.articles.tests.factories import make_article
from broadsheet.core.tests.html import listed_headlines, one, page_text, soup
from broadsheet.taxonomy.models import Tag
from broadsheet.taxonomy.tests.factories import make_tag

NOV_8 = datetime.datetime(2017, 11, 8, 9, 0, tzinfo=datetime.UTC)
HOUR = datetime.timedelta(hours=1)


def test_tag_page_lists_tagged_stories_across_sections(client, newsroom, tag):
    make_article(newsroom.news, "Polls open", NOV_8, tags=(tag,))
    make_article(newsroom.business, "Markets eye the vote", NOV_8 + HOUR, tags=(tag,))
    make_article(newsroom.news, "Untagged story", NOV_8 + 2 * HOUR)

    response = client.get("/tags/elections/")

    assert response.status_code == 200
    assert one(response, "h1").get_text(strip=True) == "Elections"
    assert listed_headlines(response) == ["Markets eye the vote", "Polls open"]


def test_tag_pages_are_paginated_from_the_oldest_story(client, newsroom, tag, page_size):
    for number in range(1, 8):
        make_article(newsroom.news, f"Story {number:02d}", NOV_8 + number * HOUR, tags=(tag,))

    assert listed_headlines(client.get("/tags/elections/")) == ["Story 07", "Story 06", "Story 05"]
    assert listed_headlines(client.get("/tags/elections/page/1/")) == ["Story 03", "Story 02", "Story 01"]
    assert listed_headlines(client.get("/tags/elections/page/2/")) == ["Story 06", "Story 05", "Story 04"]
    assert client.get("/tags/elections/page/3/").status_code == 404


def test_unpublished_stories_are_not_listed(client, newsroom, tag):
    make_article(newsroom.news, "Polls open", NOV_8, tags=(tag,))
    make_article(newsroom.news, "Withdrawn", NOV_8 + HOUR, tags=(tag,)).unpublish()

    assert listed_headlines(client.get("/tags/elections/")) == ["Polls open"]


def test_article_links_to_its_tags(client, newsroom, tag):
    article = make_article(newsroom.news, "Polls open", NOV_8, tags=(tag, make_tag("Выборы")))

    links = soup(client.get(article.url)).select(".article__footer a")

    assert [(a.get_text(strip=True), a["href"]) for a in links] == [
        ("Elections", "/tags/elections/"),
        ("Выборы", "/tags/vybory/"),
    ]


def test_tag_slug_is_transliterated(client, newsroom):
    tag = make_tag("Выборы в Думу")
    make_article(newsroom.news, "Polls open", NOV_8, tags=(tag,))

    assert tag.slug == "vybory-v-dumu"
    response = client.get("/tags/vybory-v-dumu/")
    assert response.status_code == 200
    assert "Выборы в Думу" in page_text(response)


def test_tag_slugs_stay_unique(db):
    first = make_tag("Выборы!")
    second = make_tag("Выборы?")

    assert first.slug == "vybory"
    assert second.slug != first.slug
    assert Tag.objects.count() == 2

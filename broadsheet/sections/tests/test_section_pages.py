"""Section fronts and their numbered pages (see broadsheet.core.pagination)."""

import datetime

import pytest
import time_machine

from broadsheet.articles.models import ArticlePage
from broadsheet.articles.tests.factories import make_article, make_articles
from broadsheet.core.tests.html import listed_headlines, one, page_text, soup

FIRST = datetime.datetime(2017, 11, 1, 8, 0, tzinfo=datetime.UTC)


def stories(*numbers: int) -> list[str]:
    return [f"Story {number:02d}" for number in numbers]


def link(response, rel: str) -> str | None:
    found = soup(response).select(f".pagination a[rel={rel}]")
    return found[0]["href"] if found else None


def test_section_front_lists_its_newest_stories(client, newsroom):
    make_articles(newsroom.news, 3, FIRST)
    make_article(newsroom.business, "Markets rally", FIRST + datetime.timedelta(days=1))

    response = client.get("/news/")

    assert response.status_code == 200
    assert one(response, "h1").get_text(strip=True) == "News"
    assert "What happened today." in page_text(response)
    assert listed_headlines(response) == stories(3, 2, 1)


def test_front_shows_the_newest_page_and_links_to_the_newest_full_page(client, newsroom, page_size):
    make_articles(newsroom.news, 10, FIRST)

    response = client.get("/news/")

    assert listed_headlines(response) == stories(10, 9, 8)
    assert link(response, "next") == "/news/page/3/"
    assert link(response, "prev") is None


@pytest.mark.parametrize(
    ("number", "headlines", "older", "newer"),
    [
        (1, stories(3, 2, 1), None, "/news/page/2/"),
        (2, stories(6, 5, 4), "/news/page/1/", "/news/page/3/"),
        (3, stories(9, 8, 7), "/news/page/2/", "/news/"),
    ],
)
def test_numbered_pages_count_from_the_oldest_story(client, newsroom, page_size, number, headlines, older, newer):
    make_articles(newsroom.news, 10, FIRST)

    response = client.get(f"/news/page/{number}/")

    assert response.status_code == 200
    assert listed_headlines(response) == headlines
    assert f"Archive page {number}" in page_text(response)
    assert link(response, "next") == older
    assert link(response, "prev") == newer


def test_only_full_pages_are_numbered(client, newsroom, page_size):
    make_articles(newsroom.news, 10, FIRST)

    assert client.get("/news/page/3/").status_code == 200
    assert client.get("/news/page/4/").status_code == 404


def test_deep_pages_stay_put_when_a_story_is_published(client, newsroom, page_size):
    make_articles(newsroom.news, 10, FIRST)
    urls = ["/news/page/1/", "/news/page/2/", "/news/page/3/"]
    # The whole story happens on one day: time moves forward only.
    with time_machine.travel(FIRST + datetime.timedelta(days=2), tick=False):
        before = {url: str(one(client.get(url), "main")) for url in urls}

        draft = newsroom.news.add_child(instance=ArticlePage(title="Story 11", live=False))
        draft.save_revision().publish()

        for url in urls:
            assert str(one(client.get(url), "main")) == before[url], url
        front = client.get("/news/")
        assert listed_headlines(front) == stories(11, 10, 9)
        assert link(front, "next") == "/news/page/3/"
        assert client.get("/news/page/4/").status_code == 404


def test_a_new_full_page_gets_the_next_number(client, newsroom, page_size):
    make_articles(newsroom.news, 12, FIRST)

    response = client.get("/news/page/4/")

    assert listed_headlines(response) == stories(12, 11, 10)
    assert link(client.get("/news/"), "next") == "/news/page/3/"


def test_unpublished_stories_are_not_listed(client, newsroom):
    first, second = make_articles(newsroom.news, 2, FIRST)
    second.unpublish()

    assert listed_headlines(client.get("/news/")) == ["Story 01"]

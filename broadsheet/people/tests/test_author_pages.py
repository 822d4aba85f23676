"""/authors/<slug>/: a writer's profile and stories, newest first."""

import datetime

from broadsheet.articles.tests.factories import make_article
from broadsheet.core.tests.html import listed_headlines, one, page_text, soup
from broadsheet.people.tests.factories import make_person

NOV_8 = datetime.datetime(2017, 11, 8, 9, 0, tzinfo=datetime.UTC)
HOUR = datetime.timedelta(hours=1)


def test_author_page_shows_the_profile_and_the_authors_stories(client, newsroom, person):
    colleague = make_person("Ivan Sokolov")
    make_article(newsroom.news, "Gas deal signed", NOV_8, authors=(person,))
    make_article(newsroom.business, "Shared byline", NOV_8 + HOUR, authors=(colleague, person))
    make_article(newsroom.news, "Someone else's story", NOV_8 + 2 * HOUR, authors=(colleague,))

    response = client.get("/authors/anna-petrova/")

    assert response.status_code == 200
    assert one(response, "h1").get_text(strip=True) == "Anna Petrova"
    text = page_text(response)
    assert "Business correspondent" in text
    assert "Covers energy and markets." in text
    assert listed_headlines(response) == ["Shared byline", "Gas deal signed"]
    # The same teaser as on every other list (one rendering per story in a bake):
    # headlines right under the writer's name, in a region named for them.
    page = soup(response)
    assert [h.get_text(strip=True) for h in page.select(".author-stories h2")] == ["Shared byline", "Gas deal signed"]
    assert not page.select(".author-stories h3")
    region = page.select_one("section.author-stories")
    assert page.find(id=region["aria-labelledby"]).get_text(strip=True) == "Stories by Anna Petrova"


def test_author_pages_are_paginated_from_the_oldest_story(client, newsroom, person, page_size):
    for number in range(1, 8):
        make_article(newsroom.news, f"Story {number:02d}", NOV_8 + number * HOUR, authors=(person,))

    assert listed_headlines(client.get("/authors/anna-petrova/")) == ["Story 07", "Story 06", "Story 05"]
    assert listed_headlines(client.get("/authors/anna-petrova/page/1/")) == ["Story 03", "Story 02", "Story 01"]
    assert listed_headlines(client.get("/authors/anna-petrova/page/2/")) == ["Story 06", "Story 05", "Story 04"]
    assert client.get("/authors/anna-petrova/page/3/").status_code == 404


def test_author_without_stories_has_a_page(client, newsroom, person):
    response = client.get("/authors/anna-petrova/")

    assert response.status_code == 200
    assert listed_headlines(response) == []


def test_byline_links_to_the_author_pages(client, newsroom, person):
    colleague = make_person("Сергей Иванов")
    article = make_article(
        newsroom.news, "Gas deal signed", NOV_8, authors=(person, colleague), byline_credit="Reuters"
    )

    response = client.get(article.url)
    byline = one(response, ".article__header .byline")

    assert byline.get_text(" ", strip=True).startswith("By Anna Petrova")
    assert "Reuters" in byline.get_text()
    assert [(a.get_text(strip=True), a["href"]) for a in soup(response).select(".article__header .byline a")] == [
        ("Anna Petrova", "/authors/anna-petrova/"),
        ("Сергей Иванов", "/authors/sergey-ivanov/"),
    ]
    assert client.get("/authors/sergey-ivanov/").status_code == 200


def test_namesakes_get_their_own_pages(client, newsroom):
    first = make_person("Anna Petrova")
    second = make_person("Anna Petrova")

    assert (first.slug, second.slug) == ("anna-petrova", "anna-petrova-2")
    assert client.get("/authors/anna-petrova-2/").status_code == 200

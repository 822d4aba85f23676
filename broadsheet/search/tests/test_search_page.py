"""/search/: readers find published stories; bad queries get clear answers."""

import datetime

from broadsheet.articles.tests.factories import make_article, paragraph
from broadsheet.core.tests.html import listed_headlines, one, page_text, soup

NOV_8 = datetime.datetime(2017, 11, 8, 9, 0, tzinfo=datetime.UTC)
HOUR = datetime.timedelta(hours=1)


def test_finds_published_stories_by_headline_and_body(client, newsroom):
    make_article(newsroom.news, "Harbour bridge reopens", NOV_8)
    make_article(newsroom.business, "Ferry fares rise", NOV_8 + HOUR, body=[paragraph("The harbour ferry costs more.")])
    make_article(newsroom.news, "Council meets", NOV_8 + 2 * HOUR)

    response = client.get("/search/", {"q": "harbour"})

    assert response.status_code == 200
    assert sorted(listed_headlines(response)) == ["Ferry fares rise", "Harbour bridge reopens"]
    assert "2 results for “harbour”" in page_text(response)


def test_drafts_and_withdrawn_stories_are_not_found(client, newsroom):
    make_article(newsroom.news, "Harbour bridge reopens", NOV_8)
    make_article(newsroom.news, "Harbour withdrawn", NOV_8 + HOUR).unpublish()

    assert listed_headlines(client.get("/search/", {"q": "harbour"})) == ["Harbour bridge reopens"]


def test_cyrillic_queries_find_cyrillic_headlines(client, newsroom):
    make_article(newsroom.news, "Мост через гавань открыт", NOV_8)

    assert listed_headlines(client.get("/search/", {"q": "гавань"})) == ["Мост через гавань открыт"]


def test_no_match_says_so(client, newsroom):
    make_article(newsroom.news, "Harbour bridge reopens", NOV_8)

    response = client.get("/search/", {"q": "volcano"})

    assert response.status_code == 200
    assert "No stories match “volcano”" in page_text(response)


def test_empty_query_shows_the_form_only(client, newsroom):
    response = client.get("/search/")

    assert response.status_code == 200
    assert one(response, "form.search-form--page input[name=q]")["value"] == ""
    assert not soup(response).select(".story-list")


def test_results_are_paginated(client, newsroom, page_size):
    for number in range(1, 6):
        make_article(newsroom.news, f"Harbour story {number}", NOV_8 + number * HOUR)

    first = client.get("/search/", {"q": "harbour"})
    second = client.get("/search/", {"q": "harbour", "page": "2"})

    assert len(listed_headlines(first)) == 3
    assert len(listed_headlines(second)) == 2
    assert set(listed_headlines(first)).isdisjoint(listed_headlines(second))
    assert one(first, "a[rel=next]")["href"] == "?q=harbour&page=2"


def test_malformed_or_missing_result_pages_are_404(client, newsroom):
    make_article(newsroom.news, "Harbour bridge reopens", NOV_8)

    for page in ("0", "abc", "-1", "2", "٣"):
        assert client.get("/search/", {"q": "harbour", "page": page}).status_code == 404, page


def test_overlong_query_is_refused_with_a_message(client, newsroom):
    response = client.get("/search/", {"q": "harbour " * 40})

    assert response.status_code == 400
    assert "at most 200 characters" in one(response, "[role=alert]").get_text()


def test_the_query_is_shown_escaped(client, newsroom):
    response = client.get("/search/", {"q": '<script>alert("x")</script>'})

    assert response.status_code == 200
    assert b"<script>alert" not in response.content
    assert one(response, "#search-page-query")["value"] == '<script>alert("x")</script>'


def test_results_are_kept_out_of_search_engines_and_caches_briefly(client, newsroom):
    response = client.get("/search/", {"q": "harbour"})

    assert one(response, "meta[name=robots]")["content"] == "noindex, follow"
    assert "max-age=60" in response["Cache-Control"]


def test_every_page_has_the_header_search_form(client, newsroom):
    form = one(client.get("/"), "form.search-form--header")

    assert form["action"] == "/search/"
    assert form["method"] == "get"
    assert form.select_one("input[name=q]") is not None

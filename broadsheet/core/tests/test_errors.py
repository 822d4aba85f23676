"""Malformed or unknown addresses are a 404 in the site's own style, never a 500."""

import datetime

import pytest

from broadsheet.articles.tests.factories import make_article, make_articles
from broadsheet.core.tests.html import one, texts, visible_text

NOV_8 = datetime.datetime(2017, 11, 8, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture
def content(newsroom, person, tag, page_size):
    make_articles(newsroom.news, 4, NOV_8)
    make_article(newsroom.news, "Summit confirmed", NOV_8, authors=(person,), tags=(tag,))


@pytest.mark.parametrize(
    "url",
    [
        "/2017/13/40/",
        "/2017/02/30/",
        "/2017/00/",
        "/2017/13/",
        "/0000/01/01/",
        "/2017/11/08/page/0/",
        "/2017/11/08/page/9/",
        "/2017/11/page/abc/",
        "/nope/",
        "/news/page/0/",
        "/news/page/abc/",
        "/news/page/01/",
        "/news/page/-1/",
        "/news/page/٣/",
        "/news/page/9/",
        "/news/page/99999999999999999999999/",
        "/news/2017/11/08/no-such-slug/",
        "/news/9999/99/99/x/",
        "/news/2017/02/30/summit-confirmed/",
        "/news/no-such-slug/",
        "/authors/nobody/",
        "/authors/anna-petrova/page/0/",
        "/authors/anna-petrova/page/2/",
        "/authors/anna-petrova/page/x/",
        "/tags/nothing/",
        "/tags/elections/page/01/",
        "/tags/elections/page/5/",
    ],
)
def test_malformed_or_unknown_urls_are_not_found(client, content, url):
    assert client.get(url).status_code == 404


def test_not_found_page_is_in_the_site_style(client, newsroom):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert visible_text(one(response, ".masthead")).startswith("The Broadsheet Daily")
    assert texts(response, ".section-nav__link")[:2] == ["News", "Business"]
    assert "We could not find that page" in visible_text(one(response, "main"))


def test_not_found_article_page_is_in_the_site_style(client, newsroom):
    response = client.get("/news/2017/11/08/no-such-slug/")

    assert response.status_code == 404
    assert "News" in texts(response, ".section-nav__link")
    assert "We could not find that page" in visible_text(one(response, "main"))


def test_a_server_error_gets_the_styled_500_page(client, newsroom, monkeypatch):
    from broadsheet.home.models import HomePage

    def broken_context(self, request, *args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(HomePage, "get_context", broken_context)
    client.raise_request_exception = False

    response = client.get("/")

    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()


def test_the_500_page_needs_no_database(rf):
    """It is shown when the failure may be the database itself. This test has
    no database access at all: pytest-django makes any query raise."""
    from django.views.defaults import server_error

    response = server_error(rf.get("/"))

    assert response.status_code == 500
    assert 'href="/"' in response.content.decode()

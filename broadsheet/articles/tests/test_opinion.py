"""Opinion pieces are labelled “Opinion” wherever they appear, whatever their section."""

import datetime

from broadsheet.articles.models import ArticleKind
from broadsheet.articles.tests.factories import make_article
from broadsheet.core.tests.html import one, soup, visible_text

NOV_8 = datetime.datetime(2017, 11, 8, 9, 0, tzinfo=datetime.UTC)


def teasers(response, scope: str) -> dict[str, str]:
    """Each teaser's visible text, by its headline."""
    return {
        visible_text(teaser.select_one(".teaser__headline")): visible_text(teaser)
        for teaser in soup(response).select(f"{scope} .teaser")
    }


def test_op_ed_in_a_news_section_is_labelled_on_its_page(client, newsroom):
    article = make_article(newsroom.news, "Why the summit matters", NOV_8, kind=ArticleKind.OPINION)

    header = visible_text(one(client.get(article.url), ".article__header"))

    assert "Opinion" in header
    assert "News" in header


def test_news_story_is_not_labelled_opinion(client, newsroom):
    article = make_article(newsroom.news, "Summit confirmed", NOV_8)

    assert "Opinion" not in visible_text(one(client.get(article.url), ".article__header"))


def test_opinion_section_piece_is_labelled_on_its_page(client, newsroom):
    article = make_article(newsroom.opinion, "A column", NOV_8, kind=ArticleKind.OPINION)

    assert "Opinion" in visible_text(one(client.get(article.url), ".article__header"))


def test_teasers_label_opinion_pieces(client, newsroom):
    make_article(newsroom.news, "Why the summit matters", NOV_8, kind=ArticleKind.OPINION)
    make_article(newsroom.news, "Summit confirmed", NOV_8 + datetime.timedelta(hours=1))

    listed = teasers(client.get("/news/"), ".story-list")

    assert "Opinion" in listed["Why the summit matters"]
    assert "Opinion" not in listed["Summit confirmed"]


def test_home_page_teasers_label_opinion_pieces(client, newsroom):
    make_article(newsroom.news, "Summit confirmed", NOV_8 + datetime.timedelta(hours=2))
    make_article(newsroom.news, "Why the summit matters", NOV_8, kind=ArticleKind.OPINION)

    response = client.get("/")
    shown = teasers(response, ".front")

    assert "Opinion" in shown["Why the summit matters"]
    assert "Opinion" not in shown["Summit confirmed"]


def test_ticker_labels_opinion_pieces(client, newsroom):
    make_article(newsroom.news, "Why the summit matters", NOV_8, kind=ArticleKind.OPINION)

    ticker = visible_text(one(client.get("/news/"), ".ticker"))

    assert "Opinion: Why the summit matters" in ticker

"""Any script, typographic punctuation and emoji survive from the editor to the reader."""

import datetime
import html

from broadsheet.articles.tests.factories import make_article, paragraph
from broadsheet.core.tests.html import listed_headlines, one, soup, visible_text

NOV_8 = datetime.datetime(2017, 11, 8, 9, 0, tzinfo=datetime.UTC)
HEADLINE = "Встреча в Кремле: “World Сup” talks — «да» 🚀 Zürich ☕"
STANDFIRST = "Ελληνικά, 日本語, עברית and Русский in one ‘sentence’…"
BODY = "Лавров said: “Мы готовы” — 👍 and ½ of the délégués agreed."


def make_story(newsroom, tag=None):
    return make_article(
        newsroom.news,
        HEADLINE,
        NOV_8,
        standfirst=STANDFIRST,
        body=[paragraph(BODY)],
        tags=(tag,) if tag else (),
    )


def test_article_page_shows_every_character(client, newsroom):
    article = make_story(newsroom)

    response = client.get(article.url)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    document = soup(response)
    assert visible_text(one(response, "h1")) == HEADLINE
    assert visible_text(one(response, ".article__standfirst")) == STANDFIRST
    assert visible_text(one(response, ".article__body")) == BODY
    assert html.unescape(document.title.get_text()).startswith(HEADLINE)


def test_article_slug_is_readable_ascii(newsroom):
    article = make_story(newsroom)

    assert article.slug == "vstrecha-v-kremle-world-cup-talks-da-zurich"
    assert article.url == "/news/2017/11/08/vstrecha-v-kremle-world-cup-talks-da-zurich/"


def test_teasers_show_every_character(client, newsroom, tag):
    make_story(newsroom, tag)

    for url in ["/news/", "/tags/elections/", "/2017/11/08/"]:
        assert listed_headlines(client.get(url)) == [HEADLINE], url
    home = client.get("/")
    assert HEADLINE in [visible_text(h) for h in soup(home).select(".teaser__headline")]
    assert HEADLINE in visible_text(one(home, ".ticker"))

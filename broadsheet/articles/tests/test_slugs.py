"""Stories get readable ASCII addresses whatever the script of their headline."""

import datetime

from broadsheet.articles.models import ArticlePage
from broadsheet.articles.tests.factories import make_article

NOV_8 = datetime.datetime(2017, 11, 8, 9, 0, tzinfo=datetime.UTC)


def test_cyrillic_headline_without_a_slug_gets_a_transliterated_one(client, newsroom):
    article = make_article(newsroom.news, "Встреча в Кремле", NOV_8)

    assert article.slug == "vstrecha-v-kremle"
    assert client.get("/news/2017/11/08/vstrecha-v-kremle/").status_code == 200


def test_typographic_headline_gets_a_clean_slug(newsroom):
    article = make_article(newsroom.news, "“Meanwhile…” — the ‘quiet’ week 🚀", NOV_8)

    assert article.slug == "meanwhile-the-quiet-week"


def test_editors_slug_is_kept(newsroom):
    article = make_article(newsroom.news, "Встреча в Кремле", NOV_8, slug="kremlin-meeting")

    assert article.slug == "kremlin-meeting"


def test_a_repeated_headline_gets_a_unique_slug(client, newsroom):
    """Newsrooms reuse headlines ("Weekend briefing"); the second story must still save."""
    make_article(newsroom.news, "Weekend briefing", NOV_8)
    second = make_article(newsroom.news, "Weekend briefing", NOV_8 + datetime.timedelta(days=7))

    assert second.slug == "weekend-briefing-2"
    assert client.get("/news/2017/11/15/weekend-briefing-2/").status_code == 200


def test_drafts_with_cyrillic_headlines_get_their_own_slugs(newsroom):
    """A draft is saved with minimal validation only; it still needs a real, unique slug."""
    first = newsroom.news.add_child(instance=ArticlePage(title="Новости дня", live=False))
    second = newsroom.news.add_child(instance=ArticlePage(title="Новости дня", live=False))

    assert (first.slug, second.slug) == ("novosti-dnya", "novosti-dnya-2")

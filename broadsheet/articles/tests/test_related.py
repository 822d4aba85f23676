"""The Related block: editor's picks, then stories sharing a tag, then the same section; four at most."""

import datetime
from types import SimpleNamespace

import pytest

from broadsheet.articles.tests.factories import make_article, pick_related
from broadsheet.core.tests.html import texts
from broadsheet.taxonomy.tests.factories import make_tag

DAY = datetime.timedelta(days=1)
START = datetime.datetime(2017, 11, 1, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture
def stories(newsroom, tag):
    other_tag = make_tag("Energy")
    return SimpleNamespace(
        pick_old=make_article(newsroom.opinion, "Pick published first", START),
        pick_new=make_article(newsroom.opinion, "Pick published last", START + 9 * DAY),
        tagged_old=make_article(newsroom.business, "Tagged older", START + 1 * DAY, tags=(tag,)),
        tagged_new=make_article(newsroom.business, "Tagged newer", START + 2 * DAY, tags=(tag, other_tag)),
        section_old=make_article(newsroom.news, "Same section older", START + 3 * DAY),
        section_new=make_article(newsroom.news, "Same section newer", START + 4 * DAY),
        unrelated=make_article(newsroom.business, "Unrelated", START + 5 * DAY, tags=(other_tag,)),
        article=make_article(newsroom.news, "The story itself", START + 6 * DAY, tags=(tag,)),
    )


def related_headlines(client, article) -> list[str]:
    return texts(client.get(article.url), ".related .teaser__headline")


def test_picks_come_first_in_the_editors_order(client, stories):
    pick_related(stories.article, stories.pick_old, stories.pick_new)

    assert related_headlines(client, stories.article) == [
        "Pick published first",
        "Pick published last",
        "Tagged newer",
        "Tagged older",
    ]


def test_without_picks_tagged_stories_then_the_section_newest_first(client, stories):
    assert related_headlines(client, stories.article) == [
        "Tagged newer",
        "Tagged older",
        "Same section newer",
        "Same section older",
    ]


def test_one_pick_then_tagged_then_section(client, stories):
    pick_related(stories.article, stories.pick_new)

    assert related_headlines(client, stories.article) == [
        "Pick published last",
        "Tagged newer",
        "Tagged older",
        "Same section newer",
    ]


def test_never_the_article_itself_nor_a_story_twice(client, stories):
    pick_related(stories.article, stories.article, stories.tagged_new)

    assert related_headlines(client, stories.article) == [
        "Tagged newer",
        "Tagged older",
        "Same section newer",
        "Same section older",
    ]


def test_never_unpublished_stories(client, stories):
    pick_related(stories.article, stories.pick_old, stories.pick_new)
    stories.pick_old.unpublish()
    stories.tagged_new.unpublish()

    assert related_headlines(client, stories.article) == [
        "Pick published last",
        "Tagged older",
        "Same section newer",
        "Same section older",
    ]


def test_at_most_four(client, newsroom, stories):
    for number in range(6):
        make_article(newsroom.news, f"Filler {number}", START + number * DAY)
    pick_related(stories.article, stories.pick_old, stories.pick_new, stories.tagged_old, stories.unrelated)

    related = stories.article.related_articles()

    assert [a.title for a in related] == ["Pick published first", "Pick published last", "Tagged older", "Unrelated"]
    assert len(related_headlines(client, stories.article)) == 4


def test_no_related_block_for_a_lone_story(client, newsroom):
    article = make_article(newsroom.business, "Alone", START)

    response = client.get(article.url)

    assert response.status_code == 200
    assert texts(response, ".related") == []

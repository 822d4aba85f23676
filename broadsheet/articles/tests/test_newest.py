"""A tag's and an author's newest stories: the same answer as sorting the whole list, in two queries."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from broadsheet.articles.models import ArticlePage
from broadsheet.articles.querysets import RECENT_WINDOW
from broadsheet.people.tests.factories import make_person
from broadsheet.taxonomy.tests.factories import make_tag

from .factories import make_article

NOW = datetime.datetime(2026, 11, 29, 12, 0, tzinfo=datetime.UTC)
HOUR = datetime.timedelta(hours=1)


@pytest.fixture
def lists(newsroom):
    """Floods: five stories this month and five older ones; Anna wrote every other one."""
    floods, quiet = make_tag("Floods"), make_tag("Тихо")
    anna = make_person("Anna Petrova")
    stories = []
    for number in range(10):
        old = number < 5
        published = NOW - (RECENT_WINDOW + (10 - number) * 24 * HOUR if old else (10 - number) * HOUR)
        stories.append(
            make_article(
                (newsroom.news, newsroom.business)[number % 2],
                f"Story “{number}”",
                published,
                tags=(floods,) if number != 7 else (floods, quiet),
                authors=(anna,) if number % 2 else (),
            )
        )
    make_article(newsroom.news, "Untagged and newest", NOW - 10 * 60 * datetime.timedelta(seconds=1))
    return floods, quiet, anna, stories


def expected(queryset, count: int) -> list:
    return list(queryset[:count])


@pytest.mark.parametrize("count", [1, 3, 5, 6, 10, 50])
def test_a_tags_newest_are_the_sorted_lists_first_whether_recent_or_not(lists, count):
    floods, quiet, anna, stories = lists
    published = ArticlePage.objects.published()
    with time_machine.travel(NOW, tick=False):
        for queryset in (
            published.tagged([floods.pk]).for_teasers(),
            published.tagged([quiet.pk, floods.pk]).newest_first(),
            published.written_by(anna).for_feeds(),
            published.tagged([floods.pk]).newest_first().values_list("pk", flat=True),
        ):
            assert queryset.newest(count) == expected(queryset, count)


def test_recent_stories_are_found_without_reading_the_older_ones(lists):
    floods, quiet, anna, stories = lists
    with time_machine.travel(NOW, tick=False), CaptureQueriesContext(connection) as queries:
        newest = ArticlePage.objects.published().tagged([floods.pk]).newest_first().newest(3)
    assert [story.title for story in newest] == ["Story “9”", "Story “8”", "Story “7”"]
    restrictions, first, second = (query["sql"] for query in queries.captured_queries)
    assert "pageviewrestriction" in restrictions  # what published() leaves out
    assert "EXISTS" in first and "LIMIT 3" in first
    assert "LIMIT" not in second  # three rows by id, no sort of the tag's stories
    assert "articletag" not in second  # …and no list of all the tag's stories to check them against


def test_an_authors_newest_are_loaded_by_id_alone(lists):
    floods, quiet, anna, stories = lists
    with time_machine.travel(NOW, tick=False), CaptureQueriesContext(connection) as queries:
        newest = ArticlePage.objects.published().written_by(anna).for_feeds().newest(2)
    assert [story.title for story in newest] == ["Story “9”", "Story “7”"]
    rows = queries.captured_queries[2]["sql"]
    assert "articleauthor" not in rows  # the rows by id; the bylines come in a query of their own


def test_a_filter_after_the_tag_still_gives_the_sorted_answer(lists):
    """The Related block leaves out the story itself: if a recent one is filtered out, the list is read whole."""
    floods, quiet, anna, stories = lists
    with time_machine.travel(NOW, tick=False):
        queryset = ArticlePage.objects.published().tagged([floods.pk]).exclude(pk=stories[9].pk).newest_first()
        assert queryset.newest(3) == expected(queryset, 3)
        assert stories[9] not in queryset.newest(3)


def test_the_related_block_and_the_tag_page_agree_with_the_sorted_lists(lists, client):
    floods, quiet, anna, stories = lists
    with time_machine.travel(NOW, tick=False):
        page = client.get(floods.get_absolute_url()).content.decode()
        feed = client.get(f"/feeds/authors/{anna.slug}/rss.xml").content.decode()
    assert page.index("Story “9”") < page.index("Story “8”") < page.index("Story “0”")
    assert feed.index("Story “9”") < feed.index("Story “7”") < feed.index("Story “1”")
    assert "Story “8”" not in feed

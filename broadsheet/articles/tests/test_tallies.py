"""A list's length on its front: the same as counting it, without counting past months on every publish."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from broadsheet.articles import tallies
from broadsheet.articles.models import ArchiveTally, ArticlePage, ArticleTag
from broadsheet.people.tests.factories import make_person
from broadsheet.taxonomy.tests.factories import make_tag

from .factories import make_article

NOW = datetime.datetime(2026, 12, 16, 12, 0, tzinfo=datetime.UTC)
DAY = datetime.timedelta(days=1)


@pytest.fixture
def archive(newsroom, settings):
    """Twelve news stories over three months, every third one tagged and written by Anna."""
    settings.BROADSHEET_PAGE_SIZE = 2
    floods, anna = make_tag("Floods"), make_person("Anna Petrova")
    stories = [
        make_article(
            newsroom.news,
            f"Story {number}",
            NOW - (60 - 5 * number) * DAY,
            tags=(floods,) if number % 3 == 0 else (),
            authors=(anna,) if number % 3 == 0 else (),
        )
        for number in range(12)
    ]
    return floods, anna, stories


def totals(newsroom, floods, anna) -> dict:
    published = ArticlePage.objects.published()
    lists = {
        "section": published.in_section(newsroom.news).tallied(f"section:{newsroom.news.pk}"),
        "tag": published.tagged([floods.pk]).for_teasers().tallied(f"tag:{floods.pk}"),
        "author": published.written_by(anna).for_teasers().tallied(f"author:{anna.pk}"),
    }
    return {name: (queryset.total(), queryset.count()) for name, queryset in lists.items()}


def test_a_tallied_list_counts_like_the_database(archive, newsroom):
    floods, anna, stories = archive
    with time_machine.travel(NOW, tick=False):
        assert totals(newsroom, floods, anna) == {"section": (12, 12), "tag": (4, 4), "author": (4, 4)}
        assert ArchiveTally.objects.count() == 3  # one per list, for the months before December


def test_a_new_story_is_counted_without_counting_the_past_again(archive, newsroom):
    floods, anna, stories = archive
    with time_machine.travel(NOW, tick=False):
        totals(newsroom, floods, anna)
        make_article(newsroom.news, "Breaking", NOW, tags=(floods,), authors=(anna,))
        with CaptureQueriesContext(connection) as queries:
            assert totals(newsroom, floods, anna) == {"section": (13, 13), "tag": (5, 5), "author": (5, 5)}
    counts = [q["sql"] for q in queries.captured_queries if "COUNT(" in q["sql"]]
    # Each list: this month's stories counted, the database's own count for the comparison: nothing else.
    assert len(counts) == 6
    assert sum('"first_published_at" >=' in sql for sql in counts) == 3
    assert all("articletag" not in sql.split("EXISTS")[0] for sql in counts if '"first_published_at" >=' in sql)


@pytest.mark.parametrize("change", ["unpublish", "retag", "delete", "restrict", "move"])
def test_a_change_to_an_older_story_is_counted_at_once(archive, newsroom, change):
    floods, anna, stories = archive
    old = stories[3]  # tagged, by Anna, in October
    with time_machine.travel(NOW, tick=False):
        totals(newsroom, floods, anna)
        if change == "unpublish":
            old.unpublish()
        elif change == "retag":
            ArticleTag.objects.filter(content_object=old).delete()
        elif change == "delete":
            old.delete()
        elif change == "restrict":
            PageViewRestriction.objects.create(page=old, restriction_type=PageViewRestriction.PASSWORD, password="x")
        elif change == "move":
            old.move(newsroom.business, pos="last-child")
        after = totals(newsroom, floods, anna)
    assert all(total == count for total, count in after.values()), after
    assert after["tag"][1] == (4 if change == "move" else 3)


def test_a_tally_counted_before_a_change_is_never_used_after_it(archive, newsroom):
    """The worker may count while an editor's change commits: its tally belongs to the generation before."""
    floods, anna, stories = archive
    with time_machine.travel(NOW, tick=False):
        before = tallies.month_start()
        counted_earlier = tallies.generation()
        tallies.forget()  # the editor's change, committed while the worker counted
        ArchiveTally.objects.create(key="tag:stale", before=before, generation=counted_earlier, count=99)
        assert tallies.count_before("tag:stale", before, lambda: 3) == 3


def test_fronts_show_the_tallied_length(client, archive, newsroom):
    floods, anna, stories = archive
    with time_machine.travel(NOW, tick=False):
        assert "4 stories" in client.get(floods.get_absolute_url()).content.decode()
        stories[1].unpublish()  # untagged: the tag's length stays
        stories[3].unpublish()
        assert "3 stories" in client.get(floods.get_absolute_url()).content.decode()
        assert client.get("/news/page/5/").status_code == 200
        assert client.get("/news/page/6/").status_code == 404  # ten stories: five full pages
        assert 'href="/news/page/4/"' in client.get("/news/").content.decode()  # "older": the page after the front's

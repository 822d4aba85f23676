"""A section's stories, newest first, read off an index whatever the archive's size."""

import datetime

from django.db import connection

from broadsheet.articles.models import ArticlePage
from broadsheet.sections.models import newest_articles_by_section

from .factories import make_article

START = datetime.datetime(2026, 3, 2, 8, 0, tzinfo=datetime.UTC)


def plan_of(queryset) -> str:
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # A test's tables are tiny: the planner would read them whole.
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("EXPLAIN " + sql, params)
        else:
            cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        return " ".join(str(row) for row in cursor.fetchall())


def test_a_sections_stories_are_its_children_newest_first(newsroom):
    for number in range(5):
        make_article(
            (newsroom.news, newsroom.business)[number % 2],
            f"Story {number}",
            START + number * datetime.timedelta(hours=1),
        )
    published = ArticlePage.objects.published()
    for section in (newsroom.news, newsroom.business, newsroom.opinion):
        expected = list(published.child_of(section).order_by("-first_published_at", "-pk").values_list("pk", flat=True))
        assert list(published.in_section(section).newest_first().values_list("pk", flat=True)) == expected
    assert len(newest_articles_by_section([newsroom.news, newsroom.opinion], 2)[newsroom.news.pk]) == 2


def test_a_sections_newest_stories_are_read_off_the_section_index(newsroom):
    newest = ArticlePage.objects.published().in_section(newsroom.news).newest_first().values("pk")[:3]
    assert "articles_page_section_newest" in plan_of(newest)


def test_the_whole_papers_newest_stories_are_read_off_the_publication_time_index(newsroom):
    newest = ArticlePage.objects.published().newest_first().values("pk")[:3]
    plan = plan_of(newest)
    assert "first_published_at" in plan and "TEMP B-TREE" not in plan  # no sort of the archive

"""The dateline under the headline: “Nov 8, 2017 — 09:38 — Update: 10:01” in the site's time zone."""

import datetime

import pytest

from broadsheet.articles.tests.factories import make_article
from broadsheet.core.tests.html import one, visible_text

UTC = datetime.UTC


def at(*parts: int) -> datetime.datetime:
    return datetime.datetime(*parts, tzinfo=UTC)


def dateline(client, article) -> str:
    # follow: the article's own address is checked in test_article_urls.
    return visible_text(one(client.get(article.url, follow=True), ".article__header .dateline"))


def test_dateline_in_winter(client, newsroom):
    article = make_article(newsroom.news, "Summit confirmed", at(2017, 11, 8, 9, 38))

    assert dateline(client, article) == "Nov 8, 2017 — 09:38"


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        # The day before British Summer Time starts: GMT, the same as UTC.
        (at(2026, 3, 28, 9, 38), "Mar 28, 2026 — 09:38"),
        # Clocks went forward at 01:00 UTC on 29 March: 08:38 UTC is 09:38 BST.
        (at(2026, 3, 29, 8, 38), "Mar 29, 2026 — 09:38"),
        # 23:30 UTC on 24 October is 00:30 BST on the 25th, the day clocks go back.
        (at(2026, 10, 24, 23, 30), "Oct 25, 2026 — 00:30"),
        # After 01:00 UTC on 25 October London is on GMT again.
        (at(2026, 10, 25, 9, 38), "Oct 25, 2026 — 09:38"),
    ],
)
def test_dateline_across_daylight_saving_changes(client, newsroom, published, expected):
    article = make_article(newsroom.news, "Summit confirmed", published)

    assert dateline(client, article) == expected


@pytest.mark.parametrize(
    ("published", "updated", "expected"),
    [
        (at(2017, 11, 8, 9, 38), at(2017, 11, 8, 10, 1), "Nov 8, 2017 — 09:38 — Update: 10:01"),
        (at(2026, 3, 29, 8, 38), at(2026, 3, 29, 9, 1), "Mar 29, 2026 — 09:38 — Update: 10:01"),
        # Published at 01:15 BST, updated at 01:30 GMT: forty-five minutes later by the clock on the wall.
        (at(2026, 10, 25, 0, 15), at(2026, 10, 25, 1, 30), "Oct 25, 2026 — 01:15 — Update: 01:30"),
    ],
)
def test_significant_update_is_shown_in_local_time(client, newsroom, published, updated, expected):
    article = make_article(newsroom.news, "Summit confirmed", published, significant_update_at=updated)

    assert dateline(client, article) == expected


def test_no_update_line_without_a_significant_update(client, newsroom):
    article = make_article(newsroom.news, "Summit confirmed", at(2017, 11, 8, 9, 38))
    # A later publication (a typo fix) is not a significant update.
    article.last_published_at = at(2017, 11, 8, 11, 0)
    article.save()

    response = client.get(article.url)

    assert "Update:" not in response.content.decode()


def test_dateline_carries_machine_readable_times(client, newsroom):
    article = make_article(
        newsroom.news, "Summit confirmed", at(2026, 3, 29, 8, 38), significant_update_at=at(2026, 3, 29, 9, 1)
    )

    times = one(client.get(article.url), ".article__header .dateline").select("time")

    assert [time["datetime"] for time in times] == ["2026-03-29T08:38:00Z", "2026-03-29T09:01:00Z"]

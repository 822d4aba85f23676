"""/<yyyy>/<mm>/<dd>/ and /<yyyy>/<mm>/: stories by first publication, in the site's time zone."""

import datetime

from broadsheet.articles.tests.factories import make_article, make_articles
from broadsheet.core.tests.factories import make_site_settings
from broadsheet.core.tests.html import listed_headlines, one, soup

UTC = datetime.UTC
NOV_8 = datetime.datetime(2017, 11, 8, 9, 0, tzinfo=UTC)


def test_day_archive_lists_the_days_stories_across_sections(client, newsroom):
    make_article(newsroom.news, "Summit confirmed", NOV_8)
    make_article(newsroom.business, "Rouble slides", NOV_8 + datetime.timedelta(hours=2))
    make_article(newsroom.news, "Day before", NOV_8 - datetime.timedelta(days=1))
    make_article(newsroom.news, "Day after", NOV_8 + datetime.timedelta(days=1))

    response = client.get("/2017/11/08/")

    assert response.status_code == 200
    assert one(response, "h1").get_text(strip=True) == "8 November 2017"
    assert listed_headlines(response) == ["Rouble slides", "Summit confirmed"]


def test_month_archive_lists_the_months_stories(client, newsroom):
    make_article(newsroom.news, "Summit confirmed", NOV_8)
    make_article(newsroom.news, "First of the month", datetime.datetime(2017, 11, 1, 0, 5, tzinfo=UTC))
    make_article(newsroom.news, "October story", datetime.datetime(2017, 10, 31, 23, 55, tzinfo=UTC))
    make_article(newsroom.news, "December story", datetime.datetime(2017, 12, 1, 0, 5, tzinfo=UTC))

    response = client.get("/2017/11/")

    assert response.status_code == 200
    assert one(response, "h1").get_text(strip=True) == "November 2017"
    assert listed_headlines(response) == ["Summit confirmed", "First of the month"]


def test_archives_are_paginated_from_the_oldest_story(client, newsroom, page_size):
    make_articles(newsroom.news, 7, NOV_8)

    assert listed_headlines(client.get("/2017/11/08/")) == ["Story 07", "Story 06", "Story 05"]
    assert listed_headlines(client.get("/2017/11/08/page/1/")) == ["Story 03", "Story 02", "Story 01"]
    assert listed_headlines(client.get("/2017/11/08/page/2/")) == ["Story 06", "Story 05", "Story 04"]
    assert listed_headlines(client.get("/2017/11/page/2/")) == ["Story 06", "Story 05", "Story 04"]
    assert client.get("/2017/11/08/page/3/").status_code == 404
    assert client.get("/2017/11/page/3/").status_code == 404


# 23:30 UTC on 15 June is 00:30 on the 16th in London (BST).
AFTER_LONDON_MIDNIGHT = datetime.datetime(2026, 6, 15, 23, 30, tzinfo=UTC)


def test_story_just_after_local_midnight_is_in_the_local_days_archive(client, newsroom):
    make_article(newsroom.news, "Late night vote", AFTER_LONDON_MIDNIGHT)

    assert listed_headlines(client.get("/2026/06/16/")) == ["Late night vote"]
    assert listed_headlines(client.get("/2026/06/15/")) == []


def test_story_just_after_local_midnight_has_the_local_date_in_its_link(client, newsroom):
    make_article(newsroom.news, "Late night vote", AFTER_LONDON_MIDNIGHT)

    links = [a["href"] for a in soup(client.get("/2026/06/16/")).select(".story-list .teaser__headline a")]

    assert links == ["/news/2026/06/16/late-night-vote/"]
    assert client.get("/news/2026/06/16/late-night-vote/").status_code == 200
    assert client.get("/news/2026/06/15/late-night-vote/").status_code == 301


def test_month_boundary_follows_the_site_time_zone(client, newsroom):
    # 23:30 UTC on 30 June is 00:30 on 1 July in London.
    make_article(newsroom.news, "July already", datetime.datetime(2026, 6, 30, 23, 30, tzinfo=UTC))

    assert listed_headlines(client.get("/2026/07/")) == ["July already"]
    assert listed_headlines(client.get("/2026/06/")) == []


def test_zone_west_of_utc_puts_early_utc_stories_on_the_day_before(client, newsroom):
    make_site_settings(newsroom.site, time_zone="America/New_York")
    # 03:30 UTC on 8 November is 22:30 EST on the 7th.
    make_article(newsroom.news, "Evening briefing", datetime.datetime(2026, 11, 8, 3, 30, tzinfo=UTC))

    assert listed_headlines(client.get("/2026/11/07/")) == ["Evening briefing"]
    assert listed_headlines(client.get("/2026/11/08/")) == []
    assert client.get("/news/2026/11/07/evening-briefing/").status_code == 200

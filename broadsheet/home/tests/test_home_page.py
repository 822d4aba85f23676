"""The front page: lead story, top stories, latest list and a block per section."""

import datetime

import time_machine

from broadsheet.articles.tests.factories import make_articles
from broadsheet.core.tests.html import one, soup, texts, visible_text
from broadsheet.home.models import HomeTopStory

START = datetime.datetime(2017, 11, 8, 0, 0, tzinfo=datetime.UTC)


def test_home_page_with_no_stories(client, newsroom):
    response = client.get("/")

    assert response.status_code == 200
    assert "No stories have been published yet." in visible_text(one(response, "main"))


def test_newest_story_leads_and_the_next_four_are_top_stories(client, newsroom):
    make_articles(newsroom.news, 7, START)

    response = client.get("/")

    assert texts(response, ".front__lead .teaser__headline") == ["Story 07"]
    assert texts(response, ".front__stories .teaser__headline") == ["Story 06", "Story 05", "Story 04", "Story 03"]
    assert texts(response, ".latest .teaser__headline") == ["Story 02", "Story 01"]


def test_editors_choose_the_lead_and_top_stories(client, newsroom):
    stories = make_articles(newsroom.news, 7, START)
    home = newsroom.home
    home.lead_story = stories[0]
    home.save()
    HomeTopStory.objects.create(page=home, article=stories[2], sort_order=0)
    HomeTopStory.objects.create(page=home, article=stories[1], sort_order=1)

    response = client.get("/")

    assert texts(response, ".front__lead .teaser__headline") == ["Story 01"]
    assert texts(response, ".front__stories .teaser__headline") == ["Story 03", "Story 02"]
    assert texts(response, ".latest .teaser__headline") == ["Story 07", "Story 06", "Story 05", "Story 04"]


def test_unpublished_lead_gives_way_to_the_newest_story(client, newsroom):
    stories = make_articles(newsroom.news, 3, START)
    newsroom.home.lead_story = stories[0]
    newsroom.home.save()
    stories[0].unpublish()

    assert texts(client.get("/"), ".front__lead .teaser__headline") == ["Story 03"]


def test_each_menu_section_has_a_block_of_its_newest_stories(client, newsroom):
    make_articles(newsroom.news, 6, START, prefix="News")
    make_articles(newsroom.business, 2, START, prefix="Business")

    document = soup(client.get("/"))
    blocks = {
        visible_text(block.select_one(".section-block__heading")): [
            visible_text(h) for h in block.select(".teaser__headline")
        ]
        for block in document.select(".section-block")
    }

    assert blocks == {
        "News": ["News 06", "News 05", "News 04", "News 03"],
        "Business": ["Business 02", "Business 01"],
    }


def test_latest_list_says_how_long_ago(client, newsroom):
    make_articles(newsroom.news, 7, START)

    with time_machine.travel(START + datetime.timedelta(hours=5, minutes=52), tick=False):
        response = client.get("/")

    times = soup(response).select(".latest time")
    assert [(t.get_text(strip=True), t["datetime"]) for t in times] == [
        ("4 hours ago", "2017-11-08T01:00:00Z"),
        ("5 hours ago", "2017-11-08T00:00:00Z"),
    ]

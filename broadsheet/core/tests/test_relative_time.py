"""“52 minutes ago”: the ticker's and lists' way of saying when a story appeared."""

import datetime

import pytest
import time_machine
from django.template import Context, Template

from broadsheet.articles.tests.factories import make_article
from broadsheet.core.relative_time import relative_time
from broadsheet.core.tests.html import one, visible_text

UTC = datetime.UTC
NOW = datetime.datetime(2017, 11, 8, 10, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("age", "words"),
    [
        (datetime.timedelta(seconds=20), "just now"),
        (datetime.timedelta(minutes=1), "1 minute ago"),
        (datetime.timedelta(minutes=1, seconds=59), "1 minute ago"),
        (datetime.timedelta(minutes=2), "2 minutes ago"),
        (datetime.timedelta(minutes=52), "52 minutes ago"),
        (datetime.timedelta(minutes=59, seconds=59), "59 minutes ago"),
        (datetime.timedelta(hours=1), "1 hour ago"),
        (datetime.timedelta(hours=1, minutes=59), "1 hour ago"),
        (datetime.timedelta(hours=2), "2 hours ago"),
        (datetime.timedelta(hours=13, minutes=5), "13 hours ago"),
        (datetime.timedelta(days=1), "1 day ago"),
        (datetime.timedelta(days=3), "3 days ago"),
    ],
)
def test_relative_time_wording(age, words):
    assert relative_time(NOW - age, now=NOW) == words


def test_future_times_are_just_now():
    assert relative_time(NOW + datetime.timedelta(minutes=5), now=NOW) == "just now"


def test_after_a_week_the_date_is_shown():
    assert relative_time(NOW - datetime.timedelta(days=8), now=NOW) == "Oct 31, 2017"


def test_default_now_is_the_current_time():
    with time_machine.travel(NOW, tick=False):
        assert relative_time(NOW - datetime.timedelta(minutes=52)) == "52 minutes ago"
        assert relative_time(NOW - datetime.timedelta(hours=13)) == "13 hours ago"


def test_template_filter():
    template = Template("{% load broadsheet_tags %}{{ published|relative_time }}")

    with time_machine.travel(NOW, tick=False):
        rendered = template.render(Context({"published": NOW - datetime.timedelta(hours=1)}))

    assert rendered == "1 hour ago"


def test_ticker_shows_the_five_newest_headlines_with_their_times(client, newsroom):
    ages = [
        ("Oldest story", datetime.timedelta(days=2)),
        ("Sixth newest", datetime.timedelta(hours=20)),
        ("Thirteen hours old", datetime.timedelta(hours=13, minutes=10)),
        ("Two hours old", datetime.timedelta(hours=2, minutes=1)),
        ("An hour old", datetime.timedelta(hours=1, minutes=4)),
        ("Fifty-two minutes old", datetime.timedelta(minutes=52)),
        ("Just in", datetime.timedelta(seconds=30)),
    ]
    for title, age in ages:
        make_article(newsroom.business if "hour" in title else newsroom.news, title, NOW - age)

    with time_machine.travel(NOW, tick=False):
        response = client.get("/news/")

    items = one(response, ".ticker").select("li")
    assert [visible_text(item) for item in items] == [
        "just now Just in",
        "52 minutes ago Fifty-two minutes old",
        "1 hour ago An hour old",
        "2 hours ago Two hours old",
        "13 hours ago Thirteen hours old",
    ]
    assert [item.select_one("time")["datetime"] for item in items] == [
        "2017-11-08T10:29:30Z",
        "2017-11-08T09:38:00Z",
        "2017-11-08T09:26:00Z",
        "2017-11-08T08:29:00Z",
        "2017-11-07T21:20:00Z",
    ]


def test_ticker_links_to_the_stories(client, newsroom):
    article = make_article(newsroom.news, "Just in", NOW)

    links = one(client.get("/"), ".ticker").select("a")

    assert [a["href"] for a in links] == [article.url]

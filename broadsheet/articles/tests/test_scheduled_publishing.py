"""A story scheduled in the admin goes live at its time, at the address of that day."""

import datetime

import time_machine
from django.core.management import call_command

from broadsheet.articles.models import ArticlePage

# Written at 23:30 on 28 March in London (GMT), scheduled for 01:30 UTC on the
# 29th: the clocks went forward at 01:00 UTC, so readers see 02:30 BST.
WRITTEN = datetime.datetime(2026, 3, 28, 23, 30, tzinfo=datetime.UTC)
GO_LIVE = datetime.datetime(2026, 3, 29, 1, 30, tzinfo=datetime.UTC)


def schedule(section, title: str) -> ArticlePage:
    with time_machine.travel(WRITTEN, tick=False):
        article = section.add_child(instance=ArticlePage(title=title, live=False))
        article.go_live_at = GO_LIVE
        article.save_revision().publish()  # with a future go-live time: scheduled, not live
    article.refresh_from_db()
    return article


def test_a_scheduled_story_is_not_shown_before_its_time(client, newsroom):
    article = schedule(newsroom.news, "Clocks go forward tonight")

    assert not article.live
    assert "Clocks go forward tonight" not in client.get("/news/").content.decode()
    assert client.get("/news/2026/03/29/clocks-go-forward-tonight/").status_code == 404


def test_publish_scheduled_puts_it_live_at_the_local_date_of_its_go_live_time(client, newsroom):
    schedule(newsroom.news, "Clocks go forward tonight")

    with time_machine.travel(GO_LIVE + datetime.timedelta(seconds=30), tick=False):
        call_command("publish_scheduled", verbosity=0)

    article = ArticlePage.objects.get(slug="clocks-go-forward-tonight")
    assert article.live
    assert article.url == "/news/2026/03/29/clocks-go-forward-tonight/"
    html = client.get(article.url).content.decode()
    assert "Mar 29, 2026 — 02:30" in html
    assert "Clocks go forward tonight" in client.get("/news/").content.decode()

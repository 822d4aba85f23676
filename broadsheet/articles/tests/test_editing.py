"""An editor writes, previews, publishes and updates a story in the admin."""

import datetime
import json

import pytest
import time_machine
from django.contrib.auth import get_user_model
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, rich_text, streamfield

from broadsheet.articles.models import ArticlePage
from broadsheet.articles.tests.factories import make_article

PUBLISHED = datetime.datetime(2026, 11, 8, 6, 38, tzinfo=datetime.UTC)  # 06:38 in London


@pytest.fixture
def editor(client, db):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return user


def body(*paragraphs: str) -> dict:
    """The body as the admin posts it (the StreamField editor is built by script, not in the HTML)."""
    return nested_form_data({"body": streamfield([("paragraph", rich_text(text)) for text in paragraphs])})


def add_form(client, section) -> dict:
    response = client.get(f"/admin/pages/add/articles/articlepage/{section.pk}/")
    assert response.status_code == 200
    return querydict_from_html(response.content.decode(), form_id="page-edit-form")


def edit_form(client, article) -> dict:
    response = client.get(f"/admin/pages/{article.pk}/edit/")
    assert response.status_code == 200
    return querydict_from_html(response.content.decode(), form_id="page-edit-form")


def test_preview_of_a_new_story_renders_before_it_is_ever_saved(client, newsroom, editor):
    data = add_form(client, newsroom.news)
    data.update(
        {
            "title": "Ночной рейс “Aurora” отменён 🚫",
            "slug": "nochnoi-reis-aurora-otmenen",
            "standfirst": "Passengers were told at the gate.",
        }
    )
    data.update(body("<p>Тело статьи &amp; more.</p>"))
    preview_url = f"/admin/pages/add/articles/articlepage/{newsroom.news.pk}/preview/"

    response = client.post(preview_url, data)
    assert json.loads(response.content)["is_valid"], response.content

    response = client.get(preview_url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ночной рейс “Aurora” отменён 🚫" in html
    assert "Тело статьи &amp; more." in html
    assert not ArticlePage.objects.filter(slug="nochnoi-reis-aurora-otmenen").exists()


def test_publishing_from_the_admin_puts_the_story_at_its_dated_address(client, newsroom, editor):
    data = add_form(client, newsroom.news)
    data.update({"title": "Bridge reopens", "slug": "bridge-reopens", "action-publish": "action-publish"})
    data.update(body("<p>Traffic flows again.</p>"))

    with time_machine.travel(PUBLISHED, tick=False):
        response = client.post(f"/admin/pages/add/articles/articlepage/{newsroom.news.pk}/", data)
    assert response.status_code == 302

    client.logout()
    response = client.get("/news/2026/11/08/bridge-reopens/")
    assert response.status_code == 200
    assert "Bridge reopens" in response.content.decode()


def test_only_a_significant_update_shows_readers_the_update_time(client, newsroom, editor):
    article = make_article(newsroom.news, "Council votes on budget", PUBLISHED)

    # A typo fix: no update line.
    data = edit_form(client, article)
    data.update({"title": "Council votes on the budget", "action-publish": "action-publish"})
    data.update(body("<p>The vote is at nine.</p>"))
    with time_machine.travel(PUBLISHED + datetime.timedelta(minutes=10), tick=False):
        assert client.post(f"/admin/pages/{article.pk}/edit/", data).status_code == 302
    assert "Update:" not in client.get(article.url).content.decode()

    # The vote result: marked significant, readers see when (09:01 London time).
    data = edit_form(client, article)
    data.update({"mark_significant_update": "on", "action-publish": "action-publish"})
    data.update(body("<p>The budget passed by 31 votes to 12.</p>"))
    with time_machine.travel(datetime.datetime(2026, 11, 8, 9, 1, tzinfo=datetime.UTC), tick=False):
        assert client.post(f"/admin/pages/{article.pk}/edit/", data).status_code == 302

    article.refresh_from_db()
    assert article.significant_update_at == datetime.datetime(2026, 11, 8, 9, 1, tzinfo=datetime.UTC)
    html = client.get(article.url).content.decode()
    assert "Update:" in html
    assert "09:01" in html

"""Editors change the site's settings in the admin, and readers see the change."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

from broadsheet.articles.tests.factories import make_article

PUBLISHED = datetime.datetime(2026, 1, 15, 6, 38, tzinfo=datetime.UTC)


@pytest.fixture
def editor(client, db):
    client.force_login(get_user_model().objects.create_superuser("editor", "editor@example.org", "pw"))


def settings_form(client, site) -> tuple[str, dict]:
    url = f"/admin/settings/core/sitesettings/{site.pk}/"
    response = client.get(url, follow=True)
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="w-editor-form")
    return response.request["PATH_INFO"], data


def post_settings(client, site, **fields) -> None:
    url, data = settings_form(client, site)
    data.update(fields)
    # The StreamFields are drawn by script in the admin, so the test posts them.
    data.update(nested_form_data({"footer_links": streamfield([]), "social_profiles": streamfield([])}))
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]


def test_changing_the_time_zone_changes_what_readers_see(client, newsroom, editor):
    article = make_article(newsroom.news, "Morning briefing", PUBLISHED)
    assert "Jan 15, 2026 — 06:38" in client.get(article.url).content.decode()  # London, GMT in January

    post_settings(client, newsroom.site, time_zone="Asia/Tokyo")

    html = client.get("/news/2026/01/15/morning-briefing/").content.decode()
    assert "Jan 15, 2026 — 15:38" in html


def test_an_unknown_time_zone_is_refused_with_a_message(client, newsroom, editor):
    url, data = settings_form(client, newsroom.site)
    data.update(time_zone="Mars/Olympus_Mons")
    data.update(nested_form_data({"footer_links": streamfield([]), "social_profiles": streamfield([])}))

    response = client.post(url, data)

    assert response.status_code == 200
    assert "Mars/Olympus_Mons" in response.content.decode()
    newsroom.settings.refresh_from_db()
    assert newsroom.settings.time_zone == "Europe/London"


def test_a_javascript_link_in_the_footer_is_refused(client, newsroom, editor):
    url, data = settings_form(client, newsroom.site)
    data.update(
        nested_form_data(
            {
                "footer_links": streamfield([("group", {"heading": "Company", "links": streamfield([])})]),
                "social_profiles": streamfield([("profile", {"network": "x", "url": "javascript:alert(1)"})]),
            }
        )
    )

    response = client.post(url, data)

    assert response.status_code == 200
    assert "Enter a full https:// address or a mailto: address." in response.content.decode()

"""The admin reads times in the newsroom's zone unless an editor chose their own.

Wagtail's admin uses the editor's own zone (Account → Preferences), else
settings.TIME_ZONE (UTC); core.middleware hands it the site's zone instead.
"""

import datetime

import pytest
from django.contrib.auth import get_user_model
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, rich_text, streamfield
from wagtail.users.models import UserProfile

from broadsheet.articles.models import ArticlePage

# 09:00 UTC on 1 July 2030 is 10:00 in London (BST, the newsroom fixture's zone) and 18:00 in Tokyo.
GO_LIVE = datetime.datetime(2030, 7, 1, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser("desk", "desk@example.com", "pass")


def schedule_in_admin(client, section, typed: str) -> ArticlePage:
    response = client.get(f"/admin/pages/add/articles/articlepage/{section.pk}/")
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    data.update({"title": "Summer timetable", "slug": "summer-timetable", "go_live_at": typed})
    # The StreamField editor is built by script, not in the HTML.
    data.update(nested_form_data({"body": streamfield([("paragraph", rich_text("<p>Trains run late.</p>"))])}))
    client.post(f"/admin/pages/add/articles/articlepage/{section.pk}/", data)
    return ArticlePage.objects.get(slug="summer-timetable").get_latest_revision_as_object()


def test_a_time_typed_by_an_editor_without_a_zone_is_the_newsrooms_local_time(client, editor, newsroom):
    client.force_login(editor)

    assert schedule_in_admin(client, newsroom.news, "2030-07-01 10:00").go_live_at == GO_LIVE
    # Only read that way: the editor's saved preference is still "none".
    assert UserProfile.get_for_user(editor).current_time_zone == ""


def test_an_editors_own_zone_wins(client, editor, newsroom):
    profile = UserProfile.get_for_user(editor)
    profile.current_time_zone = "Asia/Tokyo"
    profile.save()
    client.force_login(editor)

    assert schedule_in_admin(client, newsroom.news, "2030-07-01 18:00").go_live_at == GO_LIVE

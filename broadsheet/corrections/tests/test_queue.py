"""The desk's queue in Wagtail's admin: list, filters, the passage in context, grouping, publishing, permissions."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Revision

from broadsheet.articles.models import ArticlePage
from broadsheet.articles.tests.factories import make_article
from broadsheet.corrections.models import CorrectionNote, ErrorReport

from .factories import make_note, make_report

PUBLISHED = datetime.datetime(2017, 11, 8, 6, 38, tzinfo=datetime.UTC)
HOSTILE = '<script>alert("x")</script>'
QUEUE = "/admin/corrections_errorreport/"


def make_user(username: str, *groups: str, superuser: bool = False):
    User = get_user_model()
    if superuser:
        return User.objects.create_superuser(username, f"{username}@example.org", "pw")
    user = User.objects.create_user(username, f"{username}@example.org", "pw")
    user.groups.add(*Group.objects.filter(name__in=groups))
    return user


@pytest.fixture
def moderator(db):
    return make_user("moderator", "Editors", "Moderators")


@pytest.fixture
def editor_only(db):
    return make_user("writer", "Editors")


@pytest.fixture
def articles(newsroom):
    return (
        make_article(newsroom.news, "Council votes on the budget", PUBLISHED),
        make_article(newsroom.business, "Bakery opens a second shop", PUBLISHED + datetime.timedelta(hours=1)),
    )


def test_the_menu_counts_new_reports(client, moderator, articles):
    make_report(articles[0])
    make_report(articles[0], "another passage")
    make_report(articles[1], status="rejected")
    client.force_login(moderator)

    html = client.get("/admin/").content.decode()

    assert "Error reports (2 new)" in html


def test_the_queue_lists_reports_and_filters_by_status_and_article(client, moderator, articles):
    make_report(articles[0], "budget passage")
    make_report(articles[1], "bakery passage", status="accepted")
    client.force_login(moderator)

    everything = client.get(QUEUE).content.decode()
    new_only = client.get(QUEUE, {"status": "new"}).content.decode()
    bakery = client.get(QUEUE, {"page": articles[1].pk}).content.decode()

    assert "budget passage" in everything and "bakery passage" in everything
    assert "budget passage" in new_only and "bakery passage" not in new_only
    assert "bakery passage" in bakery and "budget passage" not in bakery


def test_reports_of_the_same_passage_are_grouped(client, moderator, articles):
    first = make_report(articles[0], "voted by 12 to 3")
    make_report(articles[0], "Voted  by 12 to 3 ")  # same passage, other case and spacing
    make_report(articles[1], "voted by 12 to 3")  # same words, another article: another passage
    client.force_login(moderator)

    html = client.get(QUEUE).content.decode()
    grouped = client.get(QUEUE, {"passage_key": first.passage_key}).content.decode()

    assert f'?passage_key={first.passage_key}">2 reports</a>' in html
    assert grouped.lower().count("voted by 12 to 3") == 2  # the third, on another article, is not listed
    detail = client.get(f"{QUEUE}edit/{first.pk}/").content.decode()
    assert "Other reports of this passage (1)" in detail


def test_a_report_shows_the_passage_highlighted_in_context_escaped(client, moderator, articles):
    report = make_report(
        articles[0],
        HOSTILE,
        context_before=f"before {HOSTILE} ",
        context_after=f" after {HOSTILE}",
        comment=f"comment {HOSTILE}",
    )
    client.force_login(moderator)

    html = client.get(f"{QUEUE}edit/{report.pk}/").content.decode()

    escaped = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"
    assert f'<mark class="corrections-passage__selected">{escaped}</mark>' in html
    assert f"before {escaped} <mark" in html
    assert f"comment {escaped}" in html
    assert HOSTILE not in html
    assert f'href="/admin/pages/{articles[0].pk}/edit/"' in html


def test_triage_changes_the_status(client, moderator, articles):
    report = make_report(articles[0])
    client.force_login(moderator)

    response = client.post(f"{QUEUE}edit/{report.pk}/", {"status": "duplicate"})

    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == "duplicate"


def test_nobody_adds_reports_in_the_admin(client, articles):
    client.force_login(make_user("root", superuser=True))
    assert client.get(f"{QUEUE}new/").status_code in (302, 403)
    assert client.post(f"{QUEUE}new/", {"status": "new"}).status_code in (302, 403)
    assert ErrorReport.objects.count() == 0


def test_publishing_a_correction_from_a_report(client, moderator, articles):
    article = articles[0]
    report = make_report(article, "voted by 12 to 3")
    same = make_report(article, "voted by 12 to 3")
    other = make_report(article, "another passage")
    client.force_login(moderator)

    response = client.post(
        f"/admin/corrections/reports/{report.pk}/publish-correction/",
        {"text": "An earlier version said the vote was 12 to 3. It was 13 to 2."},
    )

    assert response.status_code == 302
    note = CorrectionNote.objects.get()
    assert note.live and note.first_published_at
    assert Revision.objects.for_instance(note).count() == 1
    statuses = dict(ErrorReport.objects.values_list("pk", "status"))
    assert statuses == {report.pk: "fixed", same.pk: "fixed", other.pk: "new"}
    article.refresh_from_db()
    assert article.significant_update_at == note.first_published_at.replace(microsecond=0)
    html = client.get(article.url).content.decode()
    assert "It was 13 to 2." in html
    assert "Update:" in html


def test_a_correction_survives_the_next_publication_of_the_article(client, moderator, articles):
    """The update mark is written into the article's latest revision too, so publishing it again keeps it."""
    article = articles[0]
    article.save_revision().publish()
    note = make_note(article)

    ArticlePage.objects.get(pk=article.pk).get_latest_revision().publish()

    article.refresh_from_db()
    assert article.significant_update_at == note.first_published_at.replace(microsecond=0)


def test_an_empty_correction_is_not_published(client, moderator, articles):
    report = make_report(articles[0])
    client.force_login(moderator)

    response = client.post(f"/admin/corrections/reports/{report.pk}/publish-correction/", {"text": " "}, follow=True)

    assert "The correction was not published" in response.content.decode()
    assert CorrectionNote.objects.count() == 0


def test_editors_triage_but_only_moderators_publish(client, editor_only, articles):
    report = make_report(articles[0])
    client.force_login(editor_only)

    assert client.get(f"{QUEUE}edit/{report.pk}/").status_code == 200
    assert "Publish correction" not in client.get(f"{QUEUE}edit/{report.pk}/").content.decode()
    response = client.post(f"/admin/corrections/reports/{report.pk}/publish-correction/", {"text": "A fix."})

    assert response.status_code in (302, 403)  # Wagtail sends the refused back to the dashboard
    assert CorrectionNote.objects.count() == 0


def test_readers_without_admin_rights_see_no_queue(client, articles):
    client.force_login(get_user_model().objects.create_user("reader", "r@example.org", "pw"))
    assert client.get(QUEUE).status_code in (302, 403)


def test_a_published_correction_cannot_be_deleted_but_its_edits_are_kept(client, articles):
    root = make_user("root", superuser=True)
    client.force_login(root)
    note = make_note(articles[0], "First wording.", user=root)
    edit_url = f"/admin/snippets/corrections/correctionnote/edit/{note.pk}/"

    client.post(
        edit_url,
        {"page": articles[0].pk, "text": "Second wording.", "action-publish": "action-publish"},
    )
    response = client.post(f"/admin/snippets/corrections/correctionnote/delete/{note.pk}/", follow=True)

    assert "cannot be deleted" in response.content.decode()
    note.refresh_from_db()
    assert note.text == "Second wording."
    texts = [revision.content["text"] for revision in Revision.objects.for_instance(note).order_by("pk")]
    assert texts == ["First wording.", "Second wording."]
    history = client.get(f"/admin/snippets/corrections/correctionnote/history/{note.pk}/").content.decode()
    assert "Published" in history

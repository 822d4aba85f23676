"""What readers see of corrections: the note under the article, the log, its feed, the footer line, the link."""

import datetime
import xml.etree.ElementTree as ElementTree

import feedparser
import pytest
import time_machine

from broadsheet.articles.tests.factories import make_article
from broadsheet.company.tests.factories import make_company_page
from broadsheet.corrections.models import CorrectionsSettings

from .factories import make_note

PUBLISHED = datetime.datetime(2017, 11, 8, 6, 38, tzinfo=datetime.UTC)
# 10:01 in Moscow; the newsroom fixture's site is in London, where it is 07:01 (GMT in November).
CORRECTED = datetime.datetime(2017, 11, 8, 7, 1, tzinfo=datetime.UTC)


@pytest.fixture
def article(newsroom):
    return make_article(newsroom.news, "Council votes on the budget", PUBLISHED)


def test_a_published_correction_is_dated_at_the_foot_of_the_article_in_the_site_zone(client, article, newsroom):
    newsroom.settings.time_zone = "Europe/Moscow"
    newsroom.settings.save()
    make_note(article, "The vote was 13 to 2, not 12 to 3.", published_at=CORRECTED)

    html = client.get(article.url).content.decode()

    assert "Correction, <time" in html
    assert "Nov 8, 2017 — 10:01</time>:</strong> The vote was 13 to 2, not 12 to 3." in html
    # The dateline shows the update the correction made.
    assert "Update: <time" in html and ">10:01</time>" in html


def test_a_draft_note_is_not_shown(client, article):
    from broadsheet.corrections.models import CorrectionNote

    note = CorrectionNote.objects.create(page=article, text="Not yet.", live=False)
    note.save_revision()

    assert "Not yet." not in client.get(article.url).content.decode()
    assert "Not yet." not in client.get("/corrections/").content.decode()


def test_reader_text_in_a_note_is_escaped(client, article):
    make_note(article, '<script>alert("x")</script> & more')
    html = client.get(article.url).content.decode()
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more" in html
    assert '<script>alert("x")' not in html


def test_an_amended_note_says_so(client, article):
    note = make_note(article, "First.", published_at=CORRECTED)
    note.text = "Second."
    with time_machine.travel(CORRECTED + datetime.timedelta(hours=2), tick=False):
        note.save_revision().publish()

    html = client.get(article.url).content.decode()
    assert "Second." in html and "First." not in html
    assert "Amended <time" in html


def test_the_article_has_a_report_link_to_the_plain_form_and_the_dialog(client, article):
    html = client.get(article.url).content.decode()

    assert f'href="/report-error/?page={article.pk}" data-report-error' in html
    assert '<dialog class="report-dialog" id="report-dialog" aria-labelledby="report-dialog-title"' in html
    assert "/static/broadsheet/js/report-error.js" in html
    assert "csrfmiddlewaretoken" not in html


def test_company_pages_have_the_report_link_too(client, newsroom):
    page = make_company_page(newsroom.home, "About us")
    html = client.get(page.url).content.decode()
    assert f"/report-error/?page={page.pk}" in html


def test_the_footer_line_is_a_site_setting(client, article, newsroom):
    default = CorrectionsSettings._meta.get_field("footer_text").default
    assert default in client.get(article.url).content.decode()

    settings = CorrectionsSettings.for_site(newsroom.site)
    settings.footer_text = "Нашли ошибку? Выделите её и нажмите Ctrl+Enter."
    settings.save()

    html = client.get("/").content.decode()
    assert "Нашли ошибку? Выделите её и нажмите Ctrl+Enter." in html
    assert 'href="/corrections/"' in html


def test_the_corrections_log_is_newest_first_and_paginated(client, newsroom, page_size):
    notes = []
    for number in range(7):
        story = make_article(newsroom.news, f"Story {number}", PUBLISHED + datetime.timedelta(hours=number))
        notes.append(
            make_note(story, f"Fix number {number}.", published_at=CORRECTED + datetime.timedelta(days=number))
        )

    front = client.get("/corrections/").content.decode()
    page_one = client.get("/corrections/page/1/").content.decode()
    page_two = client.get("/corrections/page/2/").content.decode()

    assert front.index("Fix number 6.") < front.index("Fix number 5.") < front.index("Fix number 4.")
    assert "Fix number 3." not in front
    assert 'href="/corrections/page/2/"' in front
    assert all(f"Fix number {n}." in page_one for n in (0, 1, 2))
    assert all(f"Fix number {n}." in page_two for n in (3, 4, 5))
    assert f'href="{notes[6].page.url}#correction-{notes[6].pk}"' in front


@pytest.mark.parametrize(
    "path", ["/corrections/page/0/", "/corrections/page/3/", "/corrections/page/x/", "/corrections/page/01/"]
)
def test_bad_log_pages_are_404(client, newsroom, page_size, path):
    make_note(make_article(newsroom.news, "One", PUBLISHED))
    assert client.get(path).status_code == 404


def test_notes_on_unpublished_articles_leave_the_log(client, article):
    make_note(article, "A fix on a story that was pulled.")
    article.unpublish()
    assert "pulled" not in client.get("/corrections/").content.decode()
    assert "pulled" not in client.get("/corrections/rss.xml").content.decode()


def test_the_feed_lists_corrections_with_their_dated_text(client, article, newsroom):
    make_note(article, "The vote was 13 to 2.", published_at=CORRECTED)

    response = client.get("/corrections/rss.xml")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ElementTree.fromstring(response.content).find("channel")
    assert channel.findtext("title") == "Corrections — The Broadsheet Daily"
    (item,) = channel.findall("item")
    assert item.findtext("title") == "Correction: Council votes on the budget"
    assert item.findtext("description") == "Correction, Nov 8, 2017 — 07:01: The vote was 13 to 2."
    assert item.findtext("link").endswith(f"{article.url}#correction-{article.correction_notes.get().pk}")
    assert item.findtext("pubDate") == "Wed, 08 Nov 2017 07:01:00 +0000"
    # As feed readers see it.
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo
    assert parsed.feed.link == "http://localhost/corrections/"
    assert parsed.entries[0].id.startswith("tag:localhost,2017-11-08:correction-")


def test_the_feed_answers_a_repeat_request_with_304(client, article):
    make_note(article, published_at=CORRECTED)
    first = client.get("/corrections/rss.xml")
    again = client.get("/corrections/rss.xml", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304


def test_the_log_links_its_feed(client, newsroom):
    html = client.get("/corrections/").content.decode()
    assert '<link rel="alternate" type="application/rss+xml" title="Corrections" href="/corrections/rss.xml">' in html
    assert "No corrections published yet." in html

"""Reader corrections in a real browser, end to end.

A reader selects a sentence, presses Ctrl+Enter and sends a comment (after a
refused first try that keeps what they typed); an editor finds the report in
the admin with the passage highlighted, publishes a correction, and the note
appears on the article, in the corrections log and in its feed. A second test
works the dialog with the keyboard only; a third follows the link with
JavaScript off.
"""

import datetime
import re
import xml.etree.ElementTree as ElementTree

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache

from broadsheet.articles.tests.factories import make_article, paragraph

from .conftest import DEVICES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PUBLISHED = datetime.datetime(2017, 11, 8, 6, 38, tzinfo=datetime.UTC)
WRONG = "The council voted by twelve to three on Tuesday."
BODY = f"Budget day was long. {WRONG} Protesters waited outside the hall until dark."
EDITOR_PASSWORD = "correct horse battery"


@pytest.fixture
def story(newsroom):
    cache.clear()  # no rate-limit counts left from another test
    return make_article(newsroom.news, "Council passes the budget", PUBLISHED, body=[paragraph(BODY)])


@pytest.fixture
def moderator(db):
    user = get_user_model().objects.create_user("desk", "desk@example.org", EDITOR_PASSWORD)
    user.groups.add(*Group.objects.filter(name__in=["Editors", "Moderators"]))
    return user


def select_text(page, text: str) -> None:
    """Select ``text`` inside the story body, as a reader dragging the mouse over it would."""
    page.evaluate(
        """(text) => {
            const body = document.querySelector('.story-body');
            const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
            let node;
            while ((node = walker.nextNode())) {
                const start = node.textContent.indexOf(text);
                if (start >= 0) {
                    window.getSelection().setBaseAndExtent(node, start, node, start + text.length);
                    return;
                }
            }
            throw new Error('text not found: ' + text);
        }""",
        text,
    )


def focused(page) -> str:
    return page.evaluate(
        "() => { const e = document.activeElement; return e ? (e.id || e.className || e.tagName) : ''; }"
    )


def test_report_triage_and_published_correction(live_server, story, moderator, browser) -> None:
    context = browser.new_context(**DEVICES["desktop"])
    reader = context.new_page()
    reader.set_default_timeout(15_000)
    reader.goto(live_server.url + story.url)

    select_text(reader, WRONG)
    reader.keyboard.press("Control+Enter")

    dialog = reader.get_by_role("dialog", name="Report an error")
    dialog.wait_for(state="visible")
    assert dialog.get_by_label("The wrong passage").input_value() == WRONG
    assert focused(reader) == "report-dialog-comment"
    reader.keyboard.type("It was thirteen to two.")
    dialog.get_by_label("Your e-mail").fill("not an address")
    dialog.get_by_role("button", name="Send").click()

    status = dialog.locator(".report-dialog__status")
    status.filter(has_text="does not look like an address").wait_for()
    # Refused: nothing the reader typed is lost.
    assert dialog.get_by_label("The wrong passage").input_value() == WRONG
    assert dialog.get_by_label("Your comment").input_value() == "It was thirteen to two."

    dialog.get_by_label("Your e-mail").fill("reader@example.org")
    dialog.get_by_role("button", name="Send").click()
    status.filter(has_text="Thank you").wait_for()
    context.close()

    context = browser.new_context(**DEVICES["desktop"])
    desk = context.new_page()
    desk.set_default_timeout(15_000)
    desk.goto(live_server.url + "/admin/login/")
    desk.get_by_label("Username").fill("desk")
    desk.get_by_label("Password").fill(EDITOR_PASSWORD)
    desk.get_by_role("button", name=re.compile("Sign in")).click()
    desk.get_by_role("link", name=re.compile(r"Error reports \(1 new\)")).click()
    desk.get_by_role("link", name=re.compile("The council voted")).click()

    highlighted = desk.locator("mark.corrections-passage__selected")
    assert highlighted.inner_text() == WRONG
    passage = desk.locator("blockquote.corrections-passage").inner_text()
    assert passage.startswith("Budget day was long. ") and passage.endswith(
        " Protesters waited outside the hall until dark."
    )
    assert desk.get_by_role("link", name="Edit the article").get_attribute("href") == f"/admin/pages/{story.pk}/edit/"

    desk.get_by_label("Correction note").fill(
        "An earlier version gave the vote as twelve to three. It was thirteen to two."
    )
    desk.get_by_role("button", name="Publish correction").click()
    desk.get_by_text("Correction published").wait_for()

    desk.goto(live_server.url + story.url)
    note = desk.locator(".correction-note").first
    assert re.match(r"Correction, \w{3} \d{1,2}, \d{4} — \d{2}:\d{2}: An earlier version", note.inner_text())
    assert "Update:" in desk.locator(".article__meta").inner_text()

    desk.goto(live_server.url + "/corrections/")
    assert "It was thirteen to two." in desk.locator(".corrections-log").inner_text()

    feed = desk.request.get(live_server.url + "/corrections/rss.xml")
    item = ElementTree.fromstring(feed.body()).find("channel/item")
    assert item.findtext("title") == "Correction: Council passes the budget"
    assert "It was thirteen to two." in item.findtext("description")
    context.close()


def test_the_dialog_works_with_the_keyboard_only(live_server, story, browser) -> None:
    context = browser.new_context(**DEVICES["desktop"])
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(live_server.url + story.url)

    # Tab from the top of the page to "Report an error".
    for _ in range(300):
        page.keyboard.press("Tab")
        if focused(page) == "report-error__link":
            break
    else:
        pytest.fail("“Report an error” cannot be reached with the Tab key")
    page.keyboard.press("Enter")

    dialog = page.get_by_role("dialog", name="Report an error")
    dialog.wait_for(state="visible")
    # Nothing was selected: the reader starts by pasting or typing the passage.
    assert focused(page) == "report-dialog-text"

    order = [focused(page)]
    for _ in range(5):
        page.keyboard.press("Tab")
        order.append(focused(page))
    assert order == [
        "report-dialog-text",
        "report-dialog-comment",
        "report-dialog-email",
        "report-dialog__send button",
        "report-dialog__close button button--secondary",
        "report-dialog-text",  # trapped: round again, never out to the page
    ]
    page.keyboard.press("Shift+Tab")
    assert focused(page) == "report-dialog__close button button--secondary"

    page.keyboard.press("Escape")
    dialog.wait_for(state="hidden")
    assert focused(page) == "report-error__link"  # focus returns where it was
    context.close()


def test_without_javascript_the_link_leads_to_the_plain_form(live_server, story, browser) -> None:
    context = browser.new_context(java_script_enabled=False, **DEVICES["mobile"])
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(live_server.url + story.url)

    page.get_by_role("link", name="Report an error").click()
    page.get_by_label(re.compile("The wrong passage")).fill(WRONG)
    page.get_by_label(re.compile("Your comment")).fill("Thirteen to two.")
    page.get_by_role("button", name="Send").click()

    page.get_by_role("heading", name="Thank you").wait_for()
    assert page.url.endswith(f"/report-error/sent/?page={story.pk}")
    context.close()

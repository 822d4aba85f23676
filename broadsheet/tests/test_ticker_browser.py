"""Baked pages fetch the ticker fragment and show the stories it lists."""

import pytest
from playwright.sync_api import expect

from .conftest import DEVICES

# Like the other browser tests: the live server needs a committed database, and
# serialized_rollback restores the migrated rows (permissions, the root page) that
# another transactional test's flush removed.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

FRESH_TICKER = """
<aside class="ticker" aria-label="Latest news"><div class="ticker__inner"><ol class="ticker__list">
<li class="ticker__item"><time class="ticker__time" datetime="2026-01-01T00:00:00Z" data-relative-time>just now</time>
<a class="ticker__link" href="/news/">Breaking: published after this page was baked</a></li>
</ol></div></aside>
"""


@pytest.fixture
def demo_newsroom() -> None:
    from django.core.management import call_command

    call_command("create_demo", articles=12, verbosity=0)


def test_the_ticker_shows_the_fragment_baked_after_the_page(live_server, demo_newsroom, browser) -> None:
    context = browser.new_context(**DEVICES["desktop"])
    page = context.new_page()
    # Stands in for the fragment a publish rebakes after the page itself was baked.
    page.route(
        "**/fragments/ticker.html",
        lambda route: route.fulfill(status=200, content_type="text/html; charset=utf-8", body=FRESH_TICKER),
    )
    page.goto(live_server.url + "/")
    expect(page.locator(".ticker")).to_contain_text("Breaking: published after this page was baked")
    assert page.locator(".ticker").count() == 1
    context.close()

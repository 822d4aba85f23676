"""A reader's journey through the demo newsroom in a real browser.

Home → a section from the navigation → a story from the section → its author.
At each step the test checks what a reader sees and saves full-page
screenshots (desktop and mobile) to test-artifacts/screenshots/ for people to
look at. On the way it records every request the pages make: none may leave
the site. A second test reads the same way with JavaScript switched off.
"""

import datetime
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command

from .conftest import DEVICES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

DEMO_ARTICLES = 30
TICKER_SIZE = 5
ARTICLE_PATH = re.compile(r"^/[-\w]+/\d{4}/\d{2}/\d{2}/[-\w]+/$")
SECTION_PATH = re.compile(r"^/[-\w]+/$")
AUTHOR_PATH = re.compile(r"^/authors/[-\w]+/$")

NAV_LINKS = "nav.section-nav a.section-nav__link"
# A story in the section's own list (not the "More from the paper" rail beside
# it) with a staff byline, not only an agency credit, so that it has an author page.
SECTION_TEASER_LINKS = ".layout__main .story-list .teaser:has(.byline__author) a.teaser__link"
ARTICLE_AUTHOR_LINKS = ".article__meta .byline a.byline__author"


@pytest.fixture
def demo_newsroom() -> None:
    call_command("create_demo", articles=DEMO_ARTICLES, verbosity=0)


@pytest.fixture(params=list(DEVICES))
def device(request) -> str:
    return request.param


@dataclass
class Traffic:
    """Every request a page made, and every response that was an error."""

    requested: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    def on_response(self, response) -> None:
        if response.status >= 400:
            self.failed.append(f"{response.status} {response.url}")


@pytest.fixture
def traffic() -> Traffic:
    return Traffic()


@pytest.fixture
def page(live_server, demo_newsroom, browser, device: str, traffic: Traffic):
    # The newsroom is written before the browser starts (see conftest.browser).
    context = browser.new_context(**DEVICES[device])
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.on("request", lambda request: traffic.requested.append(request.url))
    page.on("response", traffic.on_response)
    yield page
    context.close()


def path_of(page) -> str:
    return urlsplit(page.url).path


def visible_text(link) -> str:
    """A link's text as a sighted reader sees it, without screen-reader-only words ("Opinion: ")."""
    text = link.text_content()
    hidden = link.locator(".visually-hidden")
    for index in range(hidden.count()):
        text = text.replace(hidden.nth(index).text_content(), "", 1)
    return " ".join(text.split())


def click_and_wait(link) -> None:
    with link.page.expect_navigation(wait_until="networkidle"):
        link.click()


def assert_page_furniture(page) -> None:
    """What every reader-facing page shows: the navigation, a five-story ticker, the copyright footer."""
    assert page.locator(NAV_LINKS).count() > 0, "the section navigation is missing"
    ticker_links = page.locator(".ticker .ticker__item a.ticker__link")
    assert ticker_links.count() == TICKER_SIZE, f"the ticker shows {ticker_links.count()} stories, not {TICKER_SIZE}"
    for index in range(TICKER_SIZE):
        assert ARTICLE_PATH.match(ticker_links.nth(index).get_attribute("href"))
        assert visible_text(ticker_links.nth(index))
    assert "© Copyright" in page.locator("footer.site-footer").inner_text()


def assert_one_h1(page, expected: str) -> None:
    headings = page.locator("h1")
    assert headings.count() == 1, f"{page.url} has {headings.count()} h1 elements"
    assert headings.inner_text().strip() == expected


def assert_every_image_shows(page) -> None:
    """Load the lazy images too (a full-page screenshot would show them blank) and check none is broken."""
    page.evaluate("document.querySelectorAll('img[loading=lazy]').forEach(img => { img.loading = 'eager'; })")
    page.wait_for_function("Array.from(document.images).every(img => img.complete)")
    broken = page.evaluate("Array.from(document.images).filter(img => !img.naturalWidth).map(img => img.currentSrc)")
    assert broken == [], f"images that did not load on {page.url}: {broken}"


def screenshot(page, name: str, device: str, directory) -> None:
    assert_every_image_shows(page)
    page.screenshot(path=str(directory / f"{name}-{device}.png"), full_page=True)


def test_reader_goes_from_home_to_section_to_article_to_author(
    live_server, demo_newsroom, page, device, traffic, screenshot_dir
) -> None:
    page.goto(live_server.url + "/", wait_until="networkidle")
    assert page.title()
    assert page.locator("main .teaser").count() > 0, "the front page shows stories"
    assert_page_furniture(page)
    screenshot(page, "home", device, screenshot_dir)

    # Home → a section from the navigation.
    section_link = page.locator(NAV_LINKS).first
    section_label = visible_text(section_link)
    click_and_wait(section_link)
    section_path = path_of(page)
    assert SECTION_PATH.match(section_path), f"a section lives at /<section>/, not {section_path}"
    assert page.locator(f"{NAV_LINKS}[aria-current]").inner_text().strip() == section_label
    assert page.locator("h1").inner_text().strip()
    assert_page_furniture(page)
    screenshot(page, "section", device, screenshot_dir)

    # Section → one of its stories.
    article_link = page.locator(SECTION_TEASER_LINKS).first
    headline = visible_text(article_link)
    click_and_wait(article_link)
    article_path = path_of(page)
    assert ARTICLE_PATH.match(article_path), f"a story lives at /<section>/<yyyy>/<mm>/<dd>/<slug>/, not {article_path}"
    assert article_path.startswith(section_path), "a story opened from a section belongs to that section"
    assert_one_h1(page, headline)
    byline = page.locator(".article__meta .byline")
    assert byline.inner_text().startswith("By ")
    author_link = page.locator(ARTICLE_AUTHOR_LINKS).first
    author_name = author_link.inner_text().strip()
    assert author_name in byline.inner_text()
    assert_page_furniture(page)
    screenshot(page, "article", device, screenshot_dir)

    # Story → its author's page, which lists the story.
    click_and_wait(author_link)
    assert AUTHOR_PATH.match(path_of(page)), f"an author lives at /authors/<slug>/, not {path_of(page)}"
    assert_one_h1(page, author_name)
    listed = page.locator(f'.author-stories a.teaser__link[href="{article_path}"]')
    assert listed.count() == 1, "the author's page lists the story the reader came from"
    assert visible_text(listed) == headline
    assert_page_furniture(page)
    screenshot(page, "author", device, screenshot_dir)

    # Nothing on the way asked another site for anything (fonts, scripts,
    # trackers, images), and nothing the pages asked for was missing.
    site_host = urlsplit(live_server.url).netloc
    assert any(urlsplit(url).path.endswith(".css") for url in traffic.requested), "the stylesheet was never requested"
    outside = [url for url in traffic.requested if not url.startswith("data:") and urlsplit(url).netloc != site_host]
    assert outside == [], f"the pages asked for things outside {site_host}: {outside}"
    assert traffic.failed == [], f"requests that failed: {traffic.failed}"


def test_reading_works_without_javascript(live_server, demo_newsroom, browser) -> None:
    context = browser.new_context(java_script_enabled=False, **DEVICES["mobile"])
    page = context.new_page()

    page.goto(live_server.url + "/")
    assert_page_furniture(page)
    # Relative times come from the server; the script only keeps them current.
    assert page.locator(".ticker time.time-ago").first.inner_text().strip()

    click_and_wait(page.locator(NAV_LINKS).first)
    assert SECTION_PATH.match(path_of(page))

    article_link = page.locator(SECTION_TEASER_LINKS).first
    headline = visible_text(article_link)
    click_and_wait(article_link)
    assert ARTICLE_PATH.match(path_of(page))
    assert_one_h1(page, headline)

    click_and_wait(page.locator(ARTICLE_AUTHOR_LINKS).first)
    assert AUTHOR_PATH.match(path_of(page))
    context.close()


def test_relative_times_keep_ticking_while_the_page_is_open(live_server, demo_newsroom, browser) -> None:
    """The server writes "N minutes ago"; the script recomputes it every minute by the
    reader's clock, so a page left open (or served from a cache) stays right."""
    context = browser.new_context(**DEVICES["desktop"])
    page = context.new_page()
    page.goto(live_server.url + "/")
    newest = page.locator(".ticker time[data-relative-time]").first
    published = newest.get_attribute("datetime")
    context.close()

    context = browser.new_context(**DEVICES["desktop"])
    page = context.new_page()
    published_at = datetime.datetime.fromisoformat(published.replace("Z", "+00:00"))
    page.clock.install(time=published_at + datetime.timedelta(minutes=52))
    page.goto(live_server.url + "/")
    newest = page.locator(".ticker time[data-relative-time]").first
    assert newest.get_attribute("datetime") == published
    assert newest.inner_text().strip() == "52 minutes ago"

    page.clock.run_for(8 * 60 * 1000)
    assert newest.inner_text().strip() == "1 hour ago"

    page.clock.run_for(12 * 60 * 60 * 1000)
    assert newest.inner_text().strip() == "13 hours ago"
    context.close()

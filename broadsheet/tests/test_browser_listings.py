"""A reader finds tonight's events in the city guide, opens one and saves it to their calendar.

Runs against the generated demo (which puts a few events on tonight) in
Debian's chromium. A second test uses the date picker with JavaScript off
(the form goes through the /jump/ redirect) and on (straight to the page).
"""

import datetime
import re
import zoneinfo
from urllib.parse import urlsplit

import icalendar
import pytest
from django.core.management import call_command
from django.utils import timezone

from broadsheet.demo import newsroom

from .conftest import DEVICES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

EVENT_PATH = re.compile(r"^/city-guide/[-\w]+/$")


@pytest.fixture
def demo_newsroom() -> None:
    call_command("create_demo", articles=10, verbosity=0)


def local_today() -> datetime.date:
    return timezone.localtime(timezone.now(), zoneinfo.ZoneInfo(newsroom.TIME_ZONE)).date()


def open_page(browser, javascript: bool = True):
    context = browser.new_context(**DEVICES["desktop"], java_script_enabled=javascript, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    return context, page


def test_reader_finds_tonights_events_and_downloads_one(live_server, demo_newsroom, browser, screenshot_dir) -> None:
    context, page = open_page(browser)
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(live_server.url + "/", wait_until="networkidle")

    with page.expect_navigation():
        page.get_by_role("link", name="What's on", exact=True).click()
    assert urlsplit(page.url).path == "/city-guide/"
    with page.expect_navigation():
        page.locator("nav.guide-nav").get_by_role("link", name="Today", exact=True).click()
    assert urlsplit(page.url).path == "/city-guide/today/"
    today = local_today()
    assert page.locator(".listings").get_attribute("data-rendered-for") == today.isoformat()
    evening = page.locator(
        ".event-teaser", has=page.locator(".event-teaser__date", has_text=re.compile(r" (19|20|21):00$"))
    )
    assert evening.count() >= 1, "the demo has events tonight"
    page.screenshot(path=str(screenshot_dir / "city-guide-today-desktop.png"), full_page=True)

    link = evening.first.locator("a.event-teaser__link")
    title = link.inner_text().strip()
    with page.expect_navigation():
        link.click()
    assert EVENT_PATH.match(urlsplit(page.url).path)
    assert page.locator("h1").inner_text().strip() == title
    assert page.locator(".event__date").first.inner_text().startswith(f"{today:%A} {today.day} {today:%B %Y}")
    osm = page.get_by_role("link", name="Open in OpenStreetMap")
    assert osm.get_attribute("href").startswith("https://www.openstreetmap.org/")
    page.screenshot(path=str(screenshot_dir / "city-guide-event-desktop.png"), full_page=True)

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Add to calendar (.ics)").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".ics")
    calendar = icalendar.Calendar.from_ical(open(download.path(), "rb").read())
    events = calendar.walk("VEVENT")
    assert {str(event["SUMMARY"]) for event in events} == {title}
    starts = [event.decoded("DTSTART").astimezone(zoneinfo.ZoneInfo(newsroom.TIME_ZONE)).date() for event in events]
    assert today in starts

    site_host = urlsplit(live_server.url).netloc
    outside = [url for url in requested if not url.startswith("data:") and urlsplit(url).netloc != site_host]
    assert outside == [], f"the guide asked for things outside {site_host}: {outside}"
    context.close()


@pytest.mark.parametrize("javascript", [False, True], ids=["no-js", "js"])
def test_date_picker_goes_to_the_days_page(live_server, demo_newsroom, browser, javascript: bool) -> None:
    context, page = open_page(browser, javascript=javascript)
    requested: list[str] = []
    page.on("request", lambda request: requested.append(urlsplit(request.url).path))
    page.goto(live_server.url + "/city-guide/", wait_until="networkidle")
    day = local_today() + datetime.timedelta(days=3)
    page.locator("#date-jump-input").fill(day.isoformat())
    with page.expect_navigation():
        page.get_by_role("button", name="Show").click()
    page.wait_for_load_state("networkidle")
    assert urlsplit(page.url).path == f"/city-guide/{day:%Y/%m/%d}/"
    assert page.locator("h1").inner_text().strip() == f"{day:%A} {day.day} {day:%B %Y}"
    went_through_jump = "/jump/listings/date/" in requested
    assert went_through_jump is not javascript
    context.close()

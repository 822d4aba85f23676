"""In a real browser with JavaScript off: the footer leads to the print archive and to the places,
the filter form lands on the baked page of the choice, and no request leaves the site."""

import datetime
from urllib.parse import urlsplit

import pytest

from broadsheet.core.models import SiteSettings
from broadsheet.editions.tests.factories import make_edition, make_point
from broadsheet.home.tests.factories import make_home

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def print_side():
    site_settings = SiteSettings.objects.create(site=make_home().get_site(), site_name="The Fairwater Ledger")
    links = [{"label": "Print Editions", "url": "/editions/"}, {"label": "Where to find", "url": "/where-to-find/"}]
    site_settings.footer_links = [{"type": "group", "value": {"heading": "Print", "links": links}}]
    site_settings.save()
    make_edition(1821, datetime.date(2026, 11, 19))
    make_edition(1822, datetime.date(2026, 11, 26), pages=4)
    make_point("Café Nord", "Fairwater", "cafe", latitude=54.3, longitude=-2.7)
    make_point("Grand River Hotel", "Fairwater", "hotel")
    make_point("Гостиница «Северная»", "Москва", "hotel")


def test_a_reader_without_javascript_finds_the_paper_and_downloads_an_edition(print_side, live_server, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    requested = []
    page.on("request", lambda request: requested.append(request.url))

    page.goto(live_server.url + "/")
    page.click("footer >> text=Where to find")
    assert urlsplit(page.url).path == "/where-to-find/"
    # text_content: the headings are upper-cased by CSS only.
    assert [name.strip() for name in page.locator(".place-city__name").all_text_contents()] == ["Fairwater", "Москва"]

    page.select_option("#place-filter-city", "moskva")
    page.select_option("#place-filter-kind", "hotel")
    page.click("button.place-filter__button")
    assert urlsplit(page.url).path == "/where-to-find/moskva/hotel/"
    assert page.locator(".place__name").all_inner_texts() == ["Гостиница «Северная»"]

    page.click(".place-filter >> text=Fairwater")
    assert urlsplit(page.url).path == "/where-to-find/fairwater/hotel/"
    page.click(".place-filter >> text=All kinds")
    assert page.locator(".place__name").all_inner_texts() == ["Café Nord", "Grand River Hotel"]
    osm = page.locator(".place__map-link").first.get_attribute("href")
    assert osm.startswith("https://www.openstreetmap.org/?mlat=54.3")

    page.click("footer >> text=Print Editions")
    assert page.locator(".edition-card__title").all_inner_texts() == ["No. 1822", "No. 1821"]
    page.click("text=No. 1822")
    assert urlsplit(page.url).path == "/editions/2026/1822/"
    assert page.locator(".edition__cover-image").evaluate("img => img.naturalWidth") == 900
    with page.expect_download() as download_info:
        page.click(".edition__download-link")
    download = download_info.value
    # The run's media folder may already hold a file of that name (storage then adds a suffix).
    assert download.suggested_filename.startswith("edition-1822-2026-11-26")
    assert download.suggested_filename.endswith(".pdf")
    with open(download.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"

    site = urlsplit(live_server.url).netloc
    assert all(urlsplit(url).netloc == site for url in requested), requested
    context.close()

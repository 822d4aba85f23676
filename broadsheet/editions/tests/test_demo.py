"""The demo's editions and places: real PDFs with drawn covers, two cities, footer links; reruns add nothing."""

import datetime

import pytest
from PIL import Image

from broadsheet.core.models import SiteSettings
from broadsheet.core.tests.html import soup, texts
from broadsheet.editions.demo import create_print_demo, issue_number, print_dates
from broadsheet.editions.models import DistributionPoint, PrintEdition
from broadsheet.editions.pdf import read_pdf
from broadsheet.home.tests.factories import make_home

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 29)  # a Sunday


def test_a_year_of_thursdays_newest_first_with_issue_numbers_a_week_apart():
    dates = print_dates(TODAY)
    assert len(dates) == 52
    assert dates[0] == datetime.date(2026, 11, 26)
    assert {date.weekday() for date in dates} == {3}
    assert (dates[0] - dates[-1]).days == 51 * 7
    assert issue_number(dates[0]) - issue_number(dates[1]) == 1


def test_the_demo_makes_editions_with_real_pdfs_places_in_two_cities_and_footer_links(client):
    site = make_home().get_site()
    SiteSettings.objects.create(site=site, site_name="The Fairwater Ledger")
    create_print_demo(seed=1, today=TODAY, weeks=3)

    editions = list(PrintEdition.objects.newest_first())
    assert [edition.date for edition in editions] == print_dates(TODAY, 3)
    newest = editions[0]
    with newest.pdf.open("rb") as pdf:
        assert read_pdf(pdf).page_count == 4 == newest.page_count
    assert Image.open(newest.cover.path).size == (newest.cover_width, newest.cover_height)
    assert newest.summary

    cities = {point.city for point in DistributionPoint.objects.all()}
    assert cities == {"Fairwater", "Москва"}
    assert all(point.has_coordinates for point in DistributionPoint.objects.all())

    footer = client.get("/editions/")
    links = {a.get_text(strip=True): a["href"] for a in soup(footer).select(".site-footer a.link-group__link")}
    assert links["Print Editions"] == "/editions/"
    assert links["Where to find"] == "/where-to-find/"
    assert texts(footer, ".edition-card__title")[0] == f"No. {newest.issue_number}"
    assert client.get("/where-to-find/moskva/").status_code == 200


def test_a_rerun_adds_nothing_and_keeps_an_editors_footer(client):
    site_settings = SiteSettings.objects.create(site=make_home().get_site())
    create_print_demo(seed=1, today=TODAY, weeks=2)
    counts = (PrintEdition.objects.count(), DistributionPoint.objects.count())
    site_settings.refresh_from_db()
    assert len(site_settings.footer_links) == 1
    site_settings.footer_links = []  # the editor removes the Print links
    site_settings.save()
    create_print_demo(seed=1, today=TODAY, weeks=2)
    assert (PrintEdition.objects.count(), DistributionPoint.objects.count()) == counts
    site_settings.refresh_from_db()
    assert len(site_settings.footer_links) == 0
    # A week later, only the new issue is added.
    create_print_demo(seed=1, today=TODAY + datetime.timedelta(days=7), weeks=2)
    assert PrintEdition.objects.count() == counts[0] + 1

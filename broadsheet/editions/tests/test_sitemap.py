"""The print archive and the places that stock the paper are in the sitemaps."""

import datetime

from lxml import etree

from .factories import make_edition

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def locations(response) -> list[str]:
    assert response.status_code == 200
    return [loc.text for loc in etree.fromstring(response.content).iter(f"{SITEMAP}loc")]


def test_the_index_lists_the_print_sitemap(client, newsroom):
    assert "http://localhost/sitemaps/print.xml" in locations(client.get("/sitemap.xml"))


def test_shown_editions_and_the_archive_are_listed_hidden_ones_are_not(client, newsroom):
    make_edition(100, datetime.date(2026, 1, 15))
    make_edition(101, datetime.date(2026, 2, 19), live=False)

    listed = locations(client.get("/sitemaps/print.xml"))

    assert "http://localhost/editions/" in listed
    assert "http://localhost/editions/2026/" in listed
    assert "http://localhost/editions/2026/100/" in listed
    assert "http://localhost/editions/2026/101/" not in listed
    assert "http://localhost/where-to-find/" in listed
    assert not [url for url in listed if url.endswith(".xml")]  # the RSS feed is not a page

"""What readers get: the archive by year, an edition's page and download, the RSS feed."""

import datetime
from pathlib import Path

import feedparser
import pytest
from django.conf import settings
from lxml import etree

from broadsheet.articles.tests.factories import make_article
from broadsheet.core.tests.html import one, page_text, soup, texts
from broadsheet.editions.models import PrintEditionArticle
from broadsheet.home.tests.factories import make_home
from broadsheet.sections.tests.factories import make_section

from .factories import make_edition

pytestmark = pytest.mark.django_db


@pytest.fixture
def editions():
    """Three issues in 2026, two in 2025, and a hidden one."""
    return {
        number: make_edition(number, date)
        for number, date in [
            (98, datetime.date(2025, 11, 20)),
            (99, datetime.date(2025, 12, 18)),
            (100, datetime.date(2026, 1, 15)),
            (101, datetime.date(2026, 2, 19)),
            (102, datetime.date(2026, 3, 19)),
        ]
    } | {103: make_edition(103, datetime.date(2026, 4, 16), live=False)}


def test_archive_front_shows_the_newest_year_newest_first_with_links_to_every_year(client, editions):
    response = client.get("/editions/")
    assert response.status_code == 200
    assert texts(response, ".edition-card__title") == ["No. 102", "No. 101", "No. 100"]
    years = soup(response).select(".edition-years__link")
    assert [(a.get_text(strip=True), a["href"]) for a in years] == [
        ("2026", "/editions/2026/"),
        ("2025", "/editions/2025/"),
    ]
    assert "No. 103" not in page_text(response)


def test_year_page_lists_that_years_issues_with_cover_thumbnails(client, editions):
    response = client.get("/editions/2025/")
    assert response.status_code == 200
    assert texts(response, ".edition-card__title") == ["No. 99", "No. 98"]
    assert one(response, "h1").get_text(strip=True) == "Print editions of 2025"
    thumbnails = soup(response).select(".edition-card__cover")
    assert [img["src"] for img in thumbnails] == [editions[99].cover_thumbnail.url, editions[98].cover_thumbnail.url]
    assert all(img["loading"] == "lazy" and img["width"] == "300" for img in thumbnails)
    for img in thumbnails:
        assert client.get(img["src"]).status_code == 200
    links = [a["href"] for a in soup(response).select(".edition-card__link")]
    assert links == ["/editions/2025/99/", "/editions/2025/98/"]


@pytest.mark.parametrize(
    "url",
    [
        "/editions/2024/",
        "/editions/0999/",
        "/editions/99999/",
        "/editions/20x6/",
        "/editions/2026/103/",
        "/editions/2025/100/",
        "/editions/2026/99999999999999/",
        "/editions/2026/0/",
    ],
)
def test_missing_years_hidden_issues_and_malformed_addresses_are_404(client, editions, url):
    assert client.get(url).status_code == 404


def test_empty_archive_says_so(client):
    response = client.get("/editions/")
    assert response.status_code == 200
    assert "No print editions have been published yet." in page_text(response)


def test_edition_page_shows_the_cover_and_a_pdf_download_with_its_size(client, editions):
    edition = editions[101]
    response = client.get("/editions/2026/101/")
    assert response.status_code == 200
    assert one(response, "h1").get_text(strip=True) == "No. 101"
    assert "Thursday, 19 February 2026" in page_text(response)
    cover = one(response, ".edition__cover-image")
    assert cover["src"] == edition.cover.url and cover["width"] == "900"
    download = one(response, ".edition__download-link")
    assert download["href"].endswith(".pdf")
    assert download["href"] == "/media/editions/2026/edition-101-2026-02-19.pdf"
    size = Path(edition.pdf.path).stat().st_size
    assert f"(PDF, {size / 1024:.1f}\xa0KB, 2 pages)" in soup(response).select_one(".edition__file-facts").get_text()
    pdf = client.get(download["href"])
    assert pdf.status_code == 200
    assert b"".join(pdf.streaming_content).startswith(b"%PDF-")
    neighbours = {a.get_text(strip=True): a["href"] for a in soup(response).select(".edition__neighbour a")}
    assert neighbours["Next issue: No. 102"] == "/editions/2026/102/"
    assert neighbours["Previous issue: No. 100"] == "/editions/2026/100/"


def test_edition_page_links_the_published_stories_of_the_issue_in_order(client, editions):
    news = make_section(make_home(), "News")
    published = datetime.datetime(2026, 2, 18, 12, tzinfo=datetime.UTC)
    front = make_article(news, "Bridge reopens", published)
    inside = make_article(news, "Council votes on budget", published)
    withdrawn = make_article(news, "Withdrawn story", published)
    withdrawn.unpublish()
    for order, (article, page) in enumerate([(front, 1), (inside, 4), (withdrawn, 5)]):
        PrintEditionArticle.objects.create(edition=editions[101], article=article, print_page=page, sort_order=order)
    response = client.get("/editions/2026/101/")
    assert texts(response, ".edition__story") == ["Page 1 Bridge reopens", "Page 4 Council votes on budget"]
    links = [a["href"] for a in soup(response).select(".edition__story-link")]
    assert links == [front.url, inside.url]
    assert client.get(links[0]).status_code == 200


def test_feed_lists_published_editions_newest_first_with_the_pdf_as_enclosure(client, editions):
    # Addresses are absolute on the Wagtail site (Wagtail's default one: localhost).
    response = client.get("/editions/rss.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    etree.fromstring(response.content)  # strict XML, or this raises

    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.title == "Broadsheet: print editions"
    assert feed.feed.link == "http://localhost/editions/"
    assert [entry.title for entry in feed.entries] == [
        "No. 102, 19 March 2026",
        "No. 101, 19 February 2026",
        "No. 100, 15 January 2026",
        "No. 99, 18 December 2025",
        "No. 98, 20 November 2025",
    ]
    first = feed.entries[0]
    assert first.link == "http://localhost/editions/2026/102/"
    assert first.id == "tag:localhost,2026-03-19:print-edition-102"
    assert first.published_parsed[:3] == (2026, 3, 19)
    pdf_size = Path(settings.MEDIA_ROOT, editions[102].pdf.name).stat().st_size
    assert first.enclosures == [
        {
            "href": "http://localhost/media/editions/2026/edition-102-2026-03-19.pdf",
            "length": str(pdf_size),
            "type": "application/pdf",
        }
    ]
    assert first.media_content[0]["url"] == (
        "http://localhost/media/editions/2026/edition-102-2026-03-19-cover-thumbnail.jpg"
    )
    assert f"PDF, {pdf_size / 1024:.1f}\xa0KB, 2 pages." in first.summary
    content = first.content[0].value
    assert 'src="http://localhost/media/editions/2026/edition-102-2026-03-19-cover.jpg"' in content
    assert 'href="http://localhost/media/editions/2026/edition-102-2026-03-19.pdf"' in content


def test_archive_and_edition_pages_advertise_the_feed(client, editions):
    for url in ["/editions/", "/editions/2026/101/"]:
        # The editions feed first, then the site's own feeds (every page offers those).
        links = soup(client.get(url)).select('link[rel="alternate"][type="application/rss+xml"]')
        assert [link["href"] for link in links] == ["/editions/rss.xml", "/feeds/rss.xml"]

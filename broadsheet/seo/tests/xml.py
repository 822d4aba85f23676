"""Reading sitemaps the way a crawler does: strict XML, by namespace."""

import datetime

from lxml import etree

SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
NEWS = "http://www.google.com/schemas/sitemap-news/0.9"
IMAGE = "http://www.google.com/schemas/sitemap-image/1.1"
NS = {"sm": SITEMAP, "news": NEWS, "image": IMAGE}


def parse(response) -> etree._Element:
    """The document's root; fails on anything that is not well-formed XML."""
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return etree.fromstring(response.content, etree.XMLParser(resolve_entities=False, no_network=True))


def locations(root) -> list[str]:
    return root.xpath("/sm:urlset/sm:url/sm:loc/text() | /sm:sitemapindex/sm:sitemap/sm:loc/text()", namespaces=NS)


def lastmods(root) -> dict[str, datetime.datetime]:
    """Each entry's location and its ``lastmod`` parsed as a W3C datetime."""
    found = {}
    for entry in root.xpath("/sm:urlset/sm:url | /sm:sitemapindex/sm:sitemap", namespaces=NS):
        text = entry.findtext(f"{{{SITEMAP}}}lastmod")
        found[entry.findtext(f"{{{SITEMAP}}}loc")] = datetime.datetime.fromisoformat(text) if text else None
    return found


def path_of(url: str) -> str:
    assert url.startswith("http://localhost/"), url
    return url.removeprefix("http://localhost")

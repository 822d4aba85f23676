"""What a reader's browser gets from the baked site, through both fronts.

Every test runs twice: against ``broadsheet serve`` and against a real nginx
with deploy/nginx.conf in front of it (skipped only without /usr/sbin/nginx).
"""

import gzip

import brotli
import pytest

from .bakery import MARK_404, file_name_for
from .conftest import ARTICLE_URL, BAKED_404_MARK, FEED, REDIRECTED_URL, ROBOTS, STATIC_NAME
from .servers import fetch

# The servers' fixtures need the test database (pytest-django sets it up only for
# sessions that have a test marked so).
pytestmark = pytest.mark.django_db

PAGE_CACHE = "public, max-age=60, must-revalidate"
IMMUTABLE = "public, max-age=31536000, immutable"


def baked(bake_dir, url: str) -> bytes:
    return (bake_dir / "live" / file_name_for(url)).read_bytes()


def test_article_page_is_the_baked_file_as_utf8_html(front, bake_dir):
    response = fetch(front.port, ARTICLE_URL)

    assert response.status == 200
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert response.body == baked(bake_dir, ARTICLE_URL)
    assert "The river bridge reopens — «Мост открыт» 🌉" in response.body.decode("utf-8")
    assert response.headers["cache-control"] == PAGE_CACHE
    assert response.headers["etag"].startswith('"')
    assert response.headers["last-modified"].endswith(" GMT")
    assert "content-encoding" not in response.headers


def test_home_and_section_pages_are_baked_files(front, bake_dir):
    for url in ("/", "/news/"):
        response = fetch(front.port, url)

        assert response.status == 200, url
        assert response.body == baked(bake_dir, url)


def test_brotli_is_preferred_then_gzip_then_identity(front, bake_dir):
    original = baked(bake_dir, ARTICLE_URL)

    as_br = fetch(front.port, ARTICLE_URL, headers={"Accept-Encoding": "gzip, deflate, br"})
    as_gzip = fetch(front.port, ARTICLE_URL, headers={"Accept-Encoding": "gzip"})
    br_refused = fetch(front.port, ARTICLE_URL, headers={"Accept-Encoding": "br;q=0, gzip"})
    as_identity = fetch(front.port, ARTICLE_URL, headers={"Accept-Encoding": "identity"})

    assert as_br.headers["content-encoding"] == "br"
    assert brotli.decompress(as_br.body) == original
    assert len(as_br.body) < len(original) / 2
    assert as_gzip.headers["content-encoding"] == "gzip"
    assert gzip.decompress(as_gzip.body) == original
    assert br_refused.headers["content-encoding"] == "gzip"
    assert "content-encoding" not in as_identity.headers
    assert as_identity.body == original
    for response in (as_br, as_gzip, as_identity):
        assert response.headers["content-type"] == "text/html; charset=utf-8"
        assert "Accept-Encoding" in response.headers["vary"]
        assert response.headers["cache-control"] == PAGE_CACHE
    # Each encoding is its own representation, with its own validator.
    assert len({as_br.headers["etag"], as_gzip.headers["etag"], as_identity.headers["etag"]}) == 3


def test_unchanged_page_answers_304_to_its_etag_and_date(front):
    first = fetch(front.port, ARTICLE_URL, headers={"Accept-Encoding": "br"})

    by_etag = fetch(front.port, ARTICLE_URL, headers={"Accept-Encoding": "br", "If-None-Match": first.headers["etag"]})
    by_date = fetch(
        front.port, ARTICLE_URL, headers={"Accept-Encoding": "br", "If-Modified-Since": first.headers["last-modified"]}
    )
    other_etag = fetch(front.port, ARTICLE_URL, headers={"If-None-Match": '"not-this-one"'})

    assert by_etag.status == 304
    assert by_etag.body == b""
    assert by_etag.headers["etag"] == first.headers["etag"]
    assert by_etag.headers["cache-control"] == PAGE_CACHE
    assert by_date.status == 304
    assert other_etag.status == 200
    assert other_etag.body


def test_files_with_an_extension_get_their_type(front):
    robots = fetch(front.port, "/robots.txt")
    feed = fetch(front.port, "/feeds/rss.xml", headers={"Accept-Encoding": "gzip"})
    picture = fetch(front.port, "/media/images/pixel.png", headers={"Accept-Encoding": "gzip, br"})

    assert (robots.status, robots.headers["content-type"], robots.body) == (200, "text/plain; charset=utf-8", ROBOTS)
    assert feed.headers["content-type"] == "application/xml; charset=utf-8"
    assert gzip.decompress(feed.body) == FEED
    assert picture.headers["content-type"] == "image/png"
    assert "content-encoding" not in picture.headers
    assert picture.body.startswith(b"\x89PNG")


def test_hashed_static_assets_are_cached_for_a_year(front):
    response = fetch(front.port, "/" + STATIC_NAME, headers={"Accept-Encoding": "br"})

    assert response.status == 200
    assert response.headers["content-type"] == "text/css; charset=utf-8"
    assert response.headers["cache-control"] == IMMUTABLE
    assert response.headers["content-encoding"] == "br"


def test_head_sends_the_headers_without_the_body(front, bake_dir):
    response = fetch(front.port, ARTICLE_URL, method="HEAD")

    assert response.status == 200
    assert response.body == b""
    assert int(response.headers["content-length"]) == len(baked(bake_dir, ARTICLE_URL))


def test_a_page_address_without_its_slash_redirects_to_it(front):
    response = fetch(front.port, "/news?from=menu")

    assert response.status == 301
    assert response.headers["location"] == "/news/?from=menu"


def test_a_path_nobody_baked_goes_to_django_and_gets_the_baked_404_page(front, bake_dir):
    response = fetch(front.port, "/news/2026/11/20/no-such-story/", headers={"Accept-Encoding": "identity"})

    assert response.status == 404
    assert response.body == baked(bake_dir, "/404.html")
    assert BAKED_404_MARK in response.body
    assert MARK_404 in response.body.decode()
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert response.headers["cache-control"] == "no-cache"


def test_dynamic_pages_are_rendered_by_django(front):
    response = fetch(front.port, "/admin/login/")

    assert response.status == 200
    assert b"csrfmiddlewaretoken" in response.body
    assert "private" in response.headers.get("cache-control", "") or "no-cache" in response.headers.get(
        "cache-control", ""
    )


def test_moved_story_redirects_as_the_bake_recorded(front):
    response = fetch(front.port, REDIRECTED_URL)

    assert response.status == 301
    assert response.headers["location"] == ARTICLE_URL


def test_the_bake_manifest_and_paths_outside_the_bake_are_not_served(front):
    for path in (
        "/.bake.json",
        "//etc/passwd",
        "//etc//passwd",
        "/../../../etc/passwd",
        "/news/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/static/..%2f..%2fetc/passwd",
    ):
        response = fetch(front.port, path)

        assert response.status in (400, 404), path
        assert b"root:" not in response.body
        assert b"redirects" not in response.body


def test_baked_sitemaps_keep_the_header_that_keeps_them_out_of_search_results(front, bake_dir):
    """Django's sitemap views send X-Robots-Tag; the baked copies must too, and pages must not."""
    from django.contrib.sitemaps.views import x_robots_tag
    from django.http import HttpResponse

    djangos = x_robots_tag(lambda request: HttpResponse())(None)["X-Robots-Tag"]
    for url in ("/sitemap.xml", "/sitemaps/news.xml"):
        for encoding in ("identity", "gzip"):
            response = fetch(front.port, url, headers={"Accept-Encoding": encoding})
            assert response.status == 200, url
            assert response.headers["x-robots-tag"] == djangos, (url, encoding)
            assert response.headers["cache-control"] == PAGE_CACHE
    assert "x-robots-tag" not in fetch(front.port, ARTICLE_URL).headers
    assert "x-robots-tag" not in fetch(front.port, "/feeds/rss.xml").headers

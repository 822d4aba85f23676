"""Sitemaps, robots.txt and the drawn default pictures, at addresses a static copy can hold.

Why not Django's (or Wagtail's) sitemap views: they page a sitemap with
``?p=2`` and take the host from the request. The baked site cannot serve a
query string, and every address here must be the canonical one. So pages
are in the path (``/sitemaps/articles-2026-11-2.xml``), locations come from
the Wagtail Site, and these two small views drive the stock ``Sitemap``
classes instead.
"""

import datetime
import math
import re
from dataclasses import dataclass

from django.contrib.sitemaps.views import x_robots_tag
from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import http_date
from django.views.decorators.http import require_safe

from broadsheet.articles.sitemaps import ArticleMonthSitemap, Month
from broadsheet.core.models import SiteSettings

from .images import draw_masthead_png
from .pictures import LOGO_SIZE, SHARE_SIZE
from .sitemaps import BroadsheetSitemap

XML = "application/xml; charset=utf-8"
MONTH_NAME = re.compile(r"^articles-(?P<year>\d{4})-(?P<month>\d{2})$")


@dataclass(frozen=True)
class IndexEntry:
    location: str
    lastmod: datetime.datetime | None


def sitemap_location(root_url: str, name: str, number: int = 1) -> str:
    if number == 1:
        return root_url + reverse("seo:sitemap", kwargs={"name": name})
    return root_url + reverse("seo:sitemap-page", kwargs={"name": name, "number": number})


@require_safe
@x_robots_tag
def sitemap_index(request: HttpRequest, sitemaps: dict[str, type[BroadsheetSitemap]]) -> HttpResponse:
    """Every sitemap and each of its pages, with the newest ``lastmod`` in it."""
    root_url = BroadsheetSitemap(request).root_url
    entries = []
    for name, sitemap_class in sitemaps.items():
        sitemap = sitemap_class(request)
        for number in range(1, sitemap.num_pages() + 1):
            entries.append(IndexEntry(sitemap_location(root_url, name, number), sitemap.page_lastmod(number)))
    for sitemap, count, newest in ArticleMonthSitemap.by_month(request):
        pages = math.ceil(count / sitemap.limit)
        for number in range(1, pages + 1):
            lastmod = newest if pages == 1 else sitemap.page_lastmod(number)
            entries.append(IndexEntry(sitemap_location(root_url, sitemap.month.name, number), lastmod))
    return TemplateResponse(request, "seo/sitemap_index.xml", {"sitemaps": entries}, content_type=XML)


def find_sitemap(request: HttpRequest, sitemaps: dict[str, type[BroadsheetSitemap]], name: str) -> BroadsheetSitemap:
    if name in sitemaps:
        return sitemaps[name](request)
    found = MONTH_NAME.match(name)
    # Years the calendar (and the month after) can hold; anything else has no stories.
    if found is None or not 1 <= int(found["month"]) <= 12 or not 1 <= int(found["year"]) < 9999:
        raise Http404("No such sitemap")
    return ArticleMonthSitemap(request, Month(int(found["year"]), int(found["month"])))


@require_safe
@x_robots_tag
def sitemap(
    request: HttpRequest, sitemaps: dict[str, type[BroadsheetSitemap]], name: str, number: str = "1"
) -> HttpResponse:
    """One page of one sitemap; pages after the first are ``<name>-<n>.xml``."""
    sitemap = find_sitemap(request, sitemaps, name)
    page = int(number)
    if page > sitemap.num_pages():
        raise Http404("No such sitemap page")
    urls = sitemap.get_urls(page=page)
    lastmod = getattr(sitemap, "latest_lastmod", None)
    headers = {"Last-Modified": http_date(lastmod.timestamp())} if lastmod else None
    context = {"urlset": urls, **sitemap.get_context()}
    return TemplateResponse(request, sitemap.template_name, context, content_type=XML, headers=headers)


@require_safe
def robots_txt(request: HttpRequest) -> HttpResponse:
    site = BroadsheetSitemap(request).site
    context = {
        "site_name": SiteSettings.for_site(site).site_name,
        "sitemap_url": site.root_url + reverse("seo:sitemap-index"),
    }
    return TemplateResponse(request, "seo/robots.txt", context, content_type="text/plain; charset=utf-8")


def drawn_picture(request: HttpRequest, size: tuple[int, int]) -> HttpResponse:
    site = BroadsheetSitemap(request).site
    return HttpResponse(draw_masthead_png(SiteSettings.for_site(site).site_name, size), content_type="image/png")


@require_safe
def publisher_logo(request: HttpRequest) -> HttpResponse:
    """The logo search engines show for the publisher until an editor uploads one."""
    return drawn_picture(request, LOGO_SIZE)


@require_safe
def share_card(request: HttpRequest) -> HttpResponse:
    """The picture of a shared page that has none of its own, until an editor chooses one."""
    return drawn_picture(request, SHARE_SIZE)

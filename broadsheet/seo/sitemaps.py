"""The base every Broadsheet sitemap builds on, and the sitemap of plain pages.

Sitemaps are Wagtail's (``wagtail.contrib.sitemaps.Sitemap``: it knows the
request and the Wagtail ``Site``, and asks each page for its
``get_sitemap_urls``), which are Django's. Each app ships the sitemap of its
own objects in its ``sitemaps.py``; ``seo.urls`` lists them.

Three things differ from the stock classes, each for a reason:

- Every location is under the Wagtail Site's root URL, the same one the
  canonical links use, whatever host the sitemap was requested on (the
  baker's, a proxy's): Django's views take the host from the request.
- A sitemap may list objects that are not pages (people, tags):
  ``url_entries`` says what each item contributes.
- Items are read in chunks with their prefetches (images and renditions):
  Wagtail iterates pages with ``iterator()``, which refuses prefetching.
- A short sitemap (sections, people, tags: ``read_whole``) is read once per
  bake or rebake (``core.memo``): the index and the sitemap itself both
  list it, and its count and its rows each asked the archive again (a tag's
  newest story, for every tag: 1.4 s at 100,000 stories, four times over).
"""

import datetime

from django.db.models import QuerySet
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page, Site

from broadsheet.core.memo import memoized, reused

CHUNK_SIZE = 2000


def absolute(url: str, root_url: str) -> str:
    """``url`` under ``root_url`` unless it already names its host (media on a CDN)."""
    if url.startswith(("http://", "https://")):
        return url
    if url.startswith("//"):
        return root_url.split("//", 1)[0] + url
    return root_url + url


class BroadsheetSitemap(Sitemap):
    """A sitemap of one Wagtail site, paged in the path (``<name>-2.xml``) by the baker-friendly views."""

    template_name = "seo/sitemap.xml"
    # Read the items whole, once per bake or rebake, instead of a count and then the rows.
    read_whole = False

    def __init__(self, request=None) -> None:
        super().__init__(request)
        self._site: Site | None = None

    @property
    def site(self) -> Site:
        if self._site is None:
            self._site = self.get_wagtail_site()
        return self._site

    @property
    def root_url(self) -> str:
        return self.site.root_url

    def url_entries(self, item) -> list[dict]:
        """The ``<url>`` entries of one item: dicts with ``location``, ``lastmod`` and, optionally, ``images``."""
        return item.get_sitemap_urls(self.request)

    def num_pages(self) -> int:
        return self.paginator.num_pages

    def _items(self):
        if not self.read_whole:
            return super()._items()
        read = super()._items
        name = f"sitemap-items:{type(self).__module__}.{type(self).__qualname__}:{self.root_url}"
        items = memoized(name, lambda: list(read()))
        reused(item for item in items if hasattr(item, "_meta"))  # what this sitemap lists, for its record
        return items

    def get_context(self) -> dict:
        """What the template needs besides the ``urlset``."""
        return {}

    def page_lastmod(self, number: int) -> datetime.datetime | None:
        """The newest ``lastmod`` of page ``number``, for the sitemap index."""
        self.get_urls(page=number)
        return getattr(self, "latest_lastmod", None)

    def get_urls(self, page: int = 1, site=None, protocol=None) -> list[dict]:
        # Locations come from the Wagtail site, never from the request's host.
        return self._urls(page, protocol, None)

    def _urls(self, page, protocol, domain) -> list[dict]:
        object_list = self.paginator.page(page).object_list
        if isinstance(object_list, QuerySet):
            object_list = object_list.iterator(chunk_size=CHUNK_SIZE)
        urls = [entry for item in object_list for entry in self.url_entries(item)]
        lastmods = [entry.get("lastmod") for entry in urls]
        self.latest_lastmod = max(lastmods) if lastmods and None not in lastmods else None
        return urls


class PageSitemap(BroadsheetSitemap):
    """Every live, public page without a sitemap of its own: the home page, company pages…

    Sections and articles have theirs (``sections.sitemaps``, ``articles.sitemaps``);
    page types added later land here until they get one.
    """

    def items(self) -> QuerySet:
        from broadsheet.articles.models import ArticlePage
        from broadsheet.sections.models import SectionPage

        return (
            Page.objects.descendant_of(self.site.root_page, inclusive=True)
            .live()
            .public()
            .not_type(ArticlePage, SectionPage)
            .order_by("path")
            .specific(defer=True)
        )

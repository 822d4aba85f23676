"""The sitemap of the print archive and the "Where to find us" pages.

Editions and distribution points are snippets, not pages, so the page
sitemap does not see them. The list of addresses is the one the bake uses
(``editions.bake.public_urls``), less the RSS feed. No ``lastmod``: these
objects keep no modification time, and a made-up one would mislead crawlers.
"""

from django.urls import reverse

from broadsheet.seo.sitemaps import BroadsheetSitemap

from .bake import public_urls


class PrintSitemap(BroadsheetSitemap):
    def items(self) -> list[str]:
        feed = reverse("editions:feed")
        return [url for url in public_urls() if url != feed]

    def url_entries(self, path: str) -> list[dict]:
        return [{"location": self.root_url + path}]

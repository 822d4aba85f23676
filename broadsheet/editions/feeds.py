"""The RSS feed of print editions: ``/editions/rss.xml``, each PDF as an enclosure."""

import datetime

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.utils.feedgenerator import Enclosure, Rss201rev2Feed

from broadsheet.core.models import SiteSettings
from broadsheet.core.timezones import site_zone

from .models import PrintEdition

FEED_SIZE = 50


class EditionFeed(Feed):
    feed_type = Rss201rev2Feed
    description_template = "editions/feed_item_description.html"

    def get_object(self, request: HttpRequest, *args, **kwargs) -> SiteSettings:
        # Kept for the absolute enclosure and cover addresses; the feed is the same for every reader.
        self.request = request
        return SiteSettings.for_request(request)

    def title(self, site_settings: SiteSettings) -> str:
        return f"{site_settings.site_name}: print editions"

    def link(self) -> str:
        return "/editions/"

    def feed_url(self) -> str:
        return "/editions/rss.xml"

    def description(self, site_settings: SiteSettings) -> str:
        return f"Every printed issue of {site_settings.site_name} as a PDF, newest first."

    def items(self) -> list[PrintEdition]:
        return list(PrintEdition.objects.published().newest_first()[:FEED_SIZE])

    def item_title(self, edition: PrintEdition) -> str:
        return str(edition)

    def item_guid(self, edition: PrintEdition) -> str:
        return self.request.build_absolute_uri(edition.get_absolute_url())

    def item_pubdate(self, edition: PrintEdition) -> datetime.datetime:
        """The start of the printed date in the newsroom's time zone: stable however often the PDF is replaced."""
        return datetime.datetime.combine(edition.date, datetime.time.min, tzinfo=site_zone())

    def item_enclosures(self, edition: PrintEdition) -> list[Enclosure]:
        url = self.request.build_absolute_uri(edition.pdf.url)
        return [Enclosure(url=url, length=str(edition.pdf_size), mime_type="application/pdf")]

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        edition = kwargs["item"]
        if edition.cover_thumbnail:
            context["thumbnail_url"] = self.request.build_absolute_uri(edition.cover_thumbnail.url)
        return context

"""The RSS feed of print editions, ``/editions/rss.xml``: each PDF as the item's enclosure."""

import datetime

from django.template.defaultfilters import filesizeformat
from django.utils.feedgenerator import Enclosure
from django.utils.html import format_html

from broadsheet.core.models import SiteSettings
from broadsheet.core.timezones import site_zone
from broadsheet.feeds.base import BroadsheetFeed
from broadsheet.feeds.generators import RssFeed, add_media_content

from .models import PrintEdition


class EditionRssFeed(RssFeed):
    """The shared RSS generator, with the edition's PDF as the enclosure.

    The shared one makes an item's picture its enclosure; an edition's
    enclosure is the paper itself (RSS allows one), so its cover goes only
    into Media RSS.
    """

    def add_item_elements(self, handler, item: dict) -> None:
        super().add_item_elements(handler, {**item, "image": None})
        for enclosure in item["enclosures"]:
            attrs = {"url": enclosure.url, "length": enclosure.length, "type": enclosure.mime_type}
            handler.addQuickElement("enclosure", "", attrs)
        add_media_content(handler, item.get("image"))


class EditionFeed(BroadsheetFeed):
    feed_type = EditionRssFeed

    def title(self) -> str:
        return f"{self.site_name()}: print editions"

    def description(self) -> str:
        return f"Every printed issue of {self.site_name()} as a PDF, newest first."

    def link(self) -> str:
        return self.absolute_url("/editions/")

    def items(self) -> list[PrintEdition]:
        return list(PrintEdition.objects.published().newest_first()[: self.max_items])

    def item_link(self, edition: PrintEdition) -> str:
        return self.absolute_url(edition.get_absolute_url())

    def item_description(self, edition: PrintEdition) -> str:
        facts = f"PDF, {filesizeformat(edition.pdf_size)}, {edition.page_count} pages."
        return f"{edition.summary} {facts}" if edition.summary else facts

    def item_pubdate(self, edition: PrintEdition) -> datetime.datetime:
        """The start of the printed date in the newsroom's zone: stable however often the PDF is replaced."""
        return datetime.datetime.combine(edition.date, datetime.time.min, tzinfo=site_zone())

    def item_guid_name(self, edition: PrintEdition) -> str:
        return f"print-edition-{edition.issue_number}"

    def item_enclosures(self, edition: PrintEdition) -> list[Enclosure]:
        url = self.absolute_url(edition.pdf.url)
        return [Enclosure(url=url, length=str(edition.pdf_size), mime_type="application/pdf")]

    def item_image(self, edition: PrintEdition) -> dict | None:
        if not edition.cover_thumbnail:
            return None
        return {
            "url": self.absolute_url(edition.cover_thumbnail.url),
            "mime_type": "image/jpeg",
            "length": None,
            "width": edition.thumbnail_width,
            "height": edition.thumbnail_height,
            "credit": "",
            "caption": f"Front page of No. {edition.issue_number}",
        }

    def item_content_html(self, edition: PrintEdition) -> str:
        """The cover, the summary and the download link (the base makes the addresses absolute)."""
        parts = []
        if edition.cover:
            alt = f"Front page of No. {edition.issue_number}"
            parts.append(format_html('<p><img src="{}" alt="{}"></p>', edition.cover.url, alt))
        if edition.summary:
            parts.append(format_html("<p>{}</p>", edition.summary))
        size = filesizeformat(edition.pdf_size)
        parts.append(format_html('<p><a href="{}">Download the PDF</a> ({})</p>', edition.pdf.url, size))
        return "".join(parts)

    def site_name(self) -> str:
        return SiteSettings.for_request(self.request).site_name

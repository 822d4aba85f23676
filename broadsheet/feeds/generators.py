"""Feed writers: Django's RSS 2.0 and Atom 1.0 generators, extended, and JSON Feed 1.1.

Django's generators write one author per item, no full content and no
images beyond an enclosure. Ours read these extra item keys, given by
``BroadsheetFeed`` (see ``base.py``):

- ``authors``: ``[{"name": ..., "url": ... or None}]``, in byline order.
- ``content_html``: the full story, sanitised HTML with absolute URLs.
- ``image``: ``{"url", "mime_type", "length", "width", "height", "credit", "caption"}`` or None.
- ``last_modified``: the last change of any kind; only for ``Last-Modified``
  and the feed's own updated date, never shown as an item's update.

Every string given to a generator passes through ``xml_safe`` first, so a
control character in a headline can never break a feed. Dates are written
in the site's time zone (activated per request), with their offset.
"""

import datetime
import json

from django.utils import feedgenerator, timezone
from django.utils.html import escape

from .text import xml_safe_values

DC_NS = "http://purl.org/dc/elements/1.1/"
DCTERMS_NS = "http://purl.org/dc/terms/"
CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
MEDIA_NS = "http://search.yahoo.com/mrss/"
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
EMPTY_FEED_DATE = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)


def local(moment: datetime.datetime | None) -> datetime.datetime | None:
    return timezone.localtime(moment) if moment else moment


class SafeTextFeedMixin:
    """Strip what XML cannot carry from everything a feed is given; dates in the site's zone."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*xml_safe_values(args), **xml_safe_values(kwargs))

    def add_item(self, *args, **kwargs) -> None:
        for key in ("pubdate", "updateddate", "last_modified"):
            if kwargs.get(key):
                kwargs[key] = local(kwargs[key])
        super().add_item(*xml_safe_values(args), **xml_safe_values(kwargs))

    def latest_post_date(self) -> datetime.datetime:
        """The newest change of any item, so a quiet edit still moves Last-Modified.

        An empty feed says 1970 rather than Django's "now": the same feed
        must give the same bytes (and ETag) until something changes in it.
        """
        dates = [
            item[key] for item in self.items for key in ("last_modified", "updateddate", "pubdate") if item.get(key)
        ]
        return local(max(dates) if dates else EMPTY_FEED_DATE)


def add_media_content(handler, image: dict | None) -> None:
    """A Media RSS ``media:content`` element for the lead image, with its credit and caption."""
    if not image:
        return
    attrs = {"url": image["url"], "medium": "image", "type": image["mime_type"]}
    attrs.update({key: str(image[key]) for key in ("width", "height") if image.get(key)})
    if image.get("length"):
        attrs["fileSize"] = str(image["length"])
    handler.startElement("media:content", attrs)
    if image.get("credit"):
        handler.addQuickElement("media:credit", image["credit"])
    if image.get("caption"):
        handler.addQuickElement("media:description", image["caption"], {"type": "plain"})
    handler.endElement("media:content")


class RssFeed(SafeTextFeedMixin, feedgenerator.Rss201rev2Feed):
    """RSS 2.0 with ``content:encoded``, one ``dc:creator`` per author,
    ``dcterms:modified`` for a significant update and Media RSS for the lead image.

    RSS's own ``<author>`` must be an e-mail address, which we do not publish,
    hence Dublin Core for names.
    """

    def rss_attributes(self) -> dict:
        return {
            **super().rss_attributes(),
            "xmlns:dc": DC_NS,
            "xmlns:dcterms": DCTERMS_NS,
            "xmlns:content": CONTENT_NS,
            "xmlns:media": MEDIA_NS,
        }

    def add_item_elements(self, handler, item: dict) -> None:
        handler.addQuickElement("title", item["title"])
        handler.addQuickElement("link", item["link"])
        if item["description"]:
            # RSS descriptions are HTML; the summary we are given is plain text.
            handler.addQuickElement("description", escape(item["description"]))
        for author in item.get("authors", ()):
            handler.addQuickElement("dc:creator", author["name"])
        handler.addQuickElement("pubDate", feedgenerator.rfc2822_date(item["pubdate"]))
        if item["updateddate"] and item["updateddate"] != item["pubdate"]:
            handler.addQuickElement("dcterms:modified", feedgenerator.rfc3339_date(item["updateddate"]))
        handler.addQuickElement("guid", item["unique_id"], {"isPermaLink": "false"})
        for category in item["categories"]:
            handler.addQuickElement("category", category)
        image = item.get("image")
        if image:
            # The RSS Profile asks for a length of 0 when the size is unknown.
            attrs = {"url": image["url"], "length": str(image.get("length") or 0), "type": image["mime_type"]}
            handler.addQuickElement("enclosure", "", attrs)
        add_media_content(handler, image)
        if item.get("content_html"):
            handler.addQuickElement("content:encoded", item["content_html"])


class AtomFeed(SafeTextFeedMixin, feedgenerator.Atom1Feed):
    """Atom 1.0 with every author, the standfirst as a text summary, the full
    story as HTML ``content``, and the lead image as an enclosure link and Media RSS."""

    def root_attributes(self) -> dict:
        return {**super().root_attributes(), "xmlns:media": MEDIA_NS}

    def add_item_elements(self, handler, item: dict) -> None:
        handler.addQuickElement("title", item["title"], {"type": "text"})
        handler.addQuickElement("link", "", {"href": item["link"], "rel": "alternate", "type": "text/html"})
        handler.addQuickElement("id", item["unique_id"])
        handler.addQuickElement("published", feedgenerator.rfc3339_date(item["pubdate"]))
        handler.addQuickElement("updated", feedgenerator.rfc3339_date(item["updateddate"] or item["pubdate"]))
        for author in item.get("authors", ()):
            handler.startElement("author", {})
            handler.addQuickElement("name", author["name"])
            if author.get("url"):
                handler.addQuickElement("uri", author["url"])
            handler.endElement("author")
        for category in item["categories"]:
            handler.addQuickElement("category", "", {"term": category})
        if item["description"]:
            handler.addQuickElement("summary", item["description"], {"type": "text"})
        image = item.get("image")
        if image:
            attrs = {"rel": "enclosure", "href": image["url"], "type": image["mime_type"]}
            if image.get("length"):
                attrs["length"] = str(image["length"])
            handler.addQuickElement("link", "", attrs)
        add_media_content(handler, image)
        if item.get("content_html"):
            handler.addQuickElement("content", item["content_html"], {"type": "html"})


class JsonFeed(SafeTextFeedMixin, feedgenerator.SyndicationFeed):
    """JSON Feed 1.1 (https://jsonfeed.org/version/1.1), from the same items as RSS and Atom.

    Django has no JSON Feed writer; this one reuses its ``SyndicationFeed``
    so a ``Feed`` class only swaps ``feed_type``.
    """

    content_type = "application/feed+json; charset=utf-8"

    def write(self, outfile, encoding) -> None:
        outfile.write(json.dumps(self.as_dict(), ensure_ascii=False, indent=1))

    def as_dict(self) -> dict:
        feed = {
            "version": JSON_FEED_VERSION,
            "title": self.feed["title"],
            "home_page_url": self.feed["link"],
            "feed_url": self.feed["feed_url"],
            "description": self.feed["description"],
            "language": self.feed["language"],
            "authors": [{"name": self.feed["author_name"]}] if self.feed["author_name"] else None,
            "items": [self.item_dict(item) for item in self.items],
        }
        return {key: value for key, value in feed.items() if value is not None}

    def item_dict(self, item: dict) -> dict:
        image = item.get("image")
        entry = {
            "id": item["unique_id"],
            "url": item["link"],
            "title": item["title"],
            "content_html": item.get("content_html") or "",
            "summary": item["description"] or None,
            "image": image["url"] if image else None,
            "date_published": feedgenerator.rfc3339_date(item["pubdate"]),
            "date_modified": feedgenerator.rfc3339_date(item["updateddate"] or item["pubdate"]),
            "authors": [{key: value for key, value in author.items() if value} for author in item.get("authors", ())]
            or None,
            "tags": list(item["categories"]) or None,
        }
        return {key: value for key, value in entry.items() if value is not None}

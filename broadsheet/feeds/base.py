"""``BroadsheetFeed``: Django's syndication ``Feed`` with what a newsroom's feeds share.

A concrete feed subclasses it like any Django ``Feed`` (``items``,
``item_title``, ``item_pubdate``…) and may add the hooks below. The base
then gives every feed:

- the three formats from one class: ``MyFeed(RssFeed)``, ``MyFeed(AtomFeed)``,
  ``MyFeed(JsonFeed)`` in the URLconf;
- absolute URLs from the Wagtail site serving the request (``absolute_url``);
- a stable id per item, ``tag:<authority>,<yyyy-mm-dd>:<name>`` (RFC 4151),
  from ``item_guid_name`` and the first publication date, so editing a
  headline or a slug never makes readers see a story twice;
- several authors, full content (sanitised, absolute) and a lead image with
  its credit, from ``item_authors``, ``item_content_html``, ``item_image``;
- ETag and Last-Modified on every response, and 304 for a repeat request
  with ``If-None-Match`` or ``If-Modified-Since``.

Django's ``ConditionalGetMiddleware`` would do the last for the whole site;
doing it here keeps the rest of the site (pages with the ticker's relative
times) out of it and lets Last-Modified count quiet edits (``item_last_modified``).
"""

import copy
import datetime
import hashlib
import mimetypes
from urllib.parse import urljoin

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response, quote_etag
from django.utils.http import http_date
from wagtail.models import Site

from broadsheet.core.memo import BoundedCache, memo_active, memoized

from .generators import RssFeed
from .html import feed_html

# Items' extras kept during a bake or a rebake (see item_extra_kwargs).
CACHED_ITEMS = 2000


def tag_uri(authority: str, date: datetime.date, name: str) -> str:
    """An RFC 4151 tag URI: ``tag:example.com,2017-11-08:article-42``."""
    return f"tag:{authority},{date:%Y-%m-%d}:{name}"


def site_root_url(request: HttpRequest) -> str:
    """The root URL of the Wagtail site serving ``request``, without a trailing slash."""
    site = Site.find_for_request(request)
    if site is not None:
        return site.root_url
    return request.build_absolute_uri("/").rstrip("/")


class BroadsheetFeed(Feed):
    feed_type = RssFeed
    # How many items a feed carries, newest first.
    max_items = 50

    def __init__(self, feed_type=None) -> None:
        if feed_type is not None:
            self.feed_type = feed_type
        self.request: HttpRequest | None = None

    # Serving --------------------------------------------------------------

    def __call__(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        # One Feed instance serves every request (it lives in the URLconf), so
        # the request goes on a copy, never on the shared instance.
        feed = copy.copy(self)
        feed.request = request
        return feed.respond(request, *args, **kwargs)

    def respond(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        try:
            obj = self.get_object(request, *args, **kwargs)
        except ObjectDoesNotExist as error:
            raise Http404("Feed object does not exist.") from error
        generator = self.get_feed(obj, request)
        response = HttpResponse(content_type=generator.content_type)
        generator.write(response, "utf-8")
        last_modified = int(generator.latest_post_date().timestamp())
        etag = quote_etag(hashlib.sha256(response.content).hexdigest()[:32])
        response.headers["Last-Modified"] = http_date(last_modified)
        response.headers["ETag"] = etag
        return get_conditional_response(request, etag=etag, last_modified=last_modified, response=response)

    # Addresses ------------------------------------------------------------

    def absolute_url(self, url: str) -> str:
        """``url`` (a path such as ``/news/``, or already absolute) on this site."""
        return urljoin(site_root_url(self.request) + "/", url)

    def feed_url(self, obj) -> str:
        return self.absolute_url(self.request.path)

    def tag_authority(self) -> str:
        """The authority of item ids: BROADSHEET_FEED_ID_AUTHORITY, else the site's host name.

        Set the setting before the site moves to another domain, to the old
        one: the ids must outlive the move.
        """
        configured = getattr(settings, "BROADSHEET_FEED_ID_AUTHORITY", "")
        if configured:
            return configured
        site = Site.find_for_request(self.request)
        return site.hostname if site is not None else self.request.get_host().split(":")[0]

    # Items ----------------------------------------------------------------

    def item_title(self, item) -> str:
        # Plain text: the generators escape it once. (Django's default escapes
        # it twice for RSS readers of old, which shows "&amp;" in Atom.)
        return str(item)

    def item_guid_name(self, item) -> str:
        """The part of the item's id after the date, e.g. ``article-42``. Never from a title or slug."""
        return f"{item._meta.label_lower}-{item.pk}"

    def item_guid(self, item) -> str:
        published = self._get_dynamic_attr("item_pubdate", item)
        return tag_uri(self.tag_authority(), published.astimezone(datetime.UTC).date(), self.item_guid_name(item))

    item_guid_is_permalink = False

    def item_authors(self, item) -> list[dict]:
        """``[{"name": ..., "url": absolute URL or None}]`` in byline order."""
        return []

    def item_content_html(self, item) -> str:
        """The full story as HTML; the base sanitises it and makes its URLs absolute."""
        return ""

    def item_image(self, item) -> dict | None:
        """The lead image, usually ``self.rendition_image(rendition, credit, caption)``."""
        return None

    def item_last_modified(self, item) -> datetime.datetime | None:
        """The item's last change of any kind (moves Last-Modified, not the item's updated date)."""
        return None

    def item_extra_kwargs(self, item) -> dict:
        """The item's content, authors and image: once per bake or rebake for an item in many feeds.

        A story is in the site's feeds and in those of its section, tags and
        authors, in three formats; sanitising its body is most of a feed's
        cost. Inside a ``core.memo`` scope (a bake or a rebake: one state of
        the database) each item's extras are worked out once; never while
        serving requests, where the database moves on.
        """
        if not memo_active() or getattr(item, "pk", None) is None:
            return self.item_extras(item)
        feed = type(self)
        methods = (feed.item_content_html, feed.item_authors, feed.item_image, feed.item_last_modified)
        key = (methods, type(item), item.pk, self.absolute_url("/"))
        cache = memoized("feeds:item-extras", lambda: BoundedCache(CACHED_ITEMS))
        if key not in cache:
            cache.add([(key, self.item_extras(item))])
        return dict(cache[key])

    def item_extras(self, item) -> dict:
        content = self.item_content_html(item)
        return {
            "authors": self.item_authors(item),
            "content_html": feed_html(content, self.absolute_url("/")) if content else "",
            "image": self.item_image(item),
            "last_modified": self.item_last_modified(item),
        }

    def rendition_image(self, rendition, credit: str = "", caption: str = "") -> dict:
        """A feed's image entry from a Wagtail rendition (its size read from storage, when it can be)."""
        try:
            length = rendition.file.size
        except (OSError, ValueError, NotImplementedError):
            length = None
        return {
            "url": self.absolute_url(rendition.url),
            "mime_type": mimetypes.guess_type(rendition.file.name)[0] or "image/jpeg",
            "length": length,
            "width": rendition.width,
            "height": rendition.height,
            "credit": credit,
            "caption": caption,
        }

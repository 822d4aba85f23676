"""Render one URL through Django's own request handler, as a reader would get it.

Why not Django's test client: it copies every template context for its
signals, which costs more than the page. ``BaseHandler`` with the project's
middleware is what ``runserver`` and WSGI run, so a baked page is the page
the app would serve, never a second template path.

One ``Renderer`` is made per bake (per process) and reuses what every
request would otherwise look up again: the site, its root paths, the site
and navigation settings and the time zone.
"""

import html
import re
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

from django.apps import apps
from django.core.handlers.base import BaseHandler
from django.test import RequestFactory
from django.utils import timezone
from wagtail import hooks
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import Site

from . import record
from .layout import NotBakeable, url_to_relative_path
from .lists import ListLookup, list_keys_for_url

# Never baked: the admin, reader reports, search, filter redirects, Wagtail's
# documents view; static and media files are copied, not rendered.
DYNAMIC_PREFIXES = ("/admin/", "/report-error/", "/search/", "/jump/", "/documents/", "/static/", "/media/")
LINK = re.compile(r"""<(?:a|link)\b[^>]*?\shref\s*=\s*["']([^"'#]+)""", re.IGNORECASE)
XML_LINK = re.compile(r"<(?:loc|link)>\s*([^<\s]+)\s*</(?:loc|link)>")
MEDIA = re.compile(r"""/media/([^"'\s,<>()?#]+)""")
LINKED_TYPES = ("text/html", "application/xml", "text/xml", "application/rss+xml", "application/atom+xml")
NOT_FOUND_PROBE = "/broadsheet-bake-not-found/"


@dataclass
class Rendered:
    url: str
    status: int
    content_type: str = ""
    body: bytes = b""
    location: str = ""
    last_modified: float | None = None
    keys: set[str] = field(default_factory=set)
    links: set[str] = field(default_factory=set)
    media: set[str] = field(default_factory=set)


def site_setting_models() -> list[type[BaseSiteSetting]]:
    return [model for model in apps.get_models() if issubclass(model, BaseSiteSetting)]


def is_dynamic(path: str) -> bool:
    if path.startswith(DYNAMIC_PREFIXES):
        return True
    return any(path.startswith(tuple(hook())) for hook in hooks.get_hooks("broadsheet_bake_dynamic_prefixes"))


class Renderer:
    def __init__(self) -> None:
        self.handler = BaseHandler()
        self.handler.load_middleware()
        self.site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if self.site is None:
            self.site = Site.objects.select_related("root_page").first()
        self.root_paths = Site.get_site_root_paths()
        self.lookup = ListLookup()
        host = self.site.hostname if self.site else "localhost"
        port = self.site.port if self.site else 80
        self.root_url = self.site.root_url if self.site else "http://localhost"
        secure = port == 443
        self.factory = RequestFactory(
            HTTP_HOST=host if port in (80, 443) else f"{host}:{port}",
            SERVER_PORT=str(port),
            **({"wsgi.url_scheme": "https"} if secure else {}),
        )
        self.origins = {self.root_url, f"http://{host}", f"https://{host}"}
        self.local_paths: dict[str, str | None] = {}  # raw link -> path to bake (same_site_links)
        # Site settings (site, navigation…) read once per bake, not once per page.
        self.site_settings = [model.for_site(self.site) for model in site_setting_models()] if self.site else []

    def preload(self, urls: list[str]) -> None:
        """Let apps load in one go what the next ``urls`` will each ask for.

        The ``broadsheet_bake_preload`` hook gets the URLs and the site; what
        it loads is shared by many pages, so it is recorded for none of them
        (each page reports what it takes, ``core.memo.reused``).
        """
        with record.paused():
            for hook in hooks.get_hooks("broadsheet_bake_preload"):
                hook(urls, self.site)

    def render(self, url: str) -> Rendered:
        request = self.factory.get(url)
        if self.site is not None:
            # Wagtail caches these on the request; a bake shares them across
            # requests (settings models cache themselves on the site object).
            request._wagtail_site = self.site
            request._wagtail_cached_site_root_paths = self.root_paths
            for instance in self.site_settings:
                instance._request = request  # as for_request() does, for page URLs
                setattr(request, instance.get_cache_attr_name(), instance)
        with record.recording() as keys:
            response = self.handler.get_response(request)
            if getattr(response, "streaming", False):
                body = b"".join(response.streaming_content)
            else:
                body = response.content
        # Not response.close(): its request_finished signal would close the
        # database connection between pages (as Django's test client avoids).
        content_type = response.get("Content-Type", "")
        result = Rendered(url=url, status=response.status_code, content_type=content_type, body=body)
        if response.has_header("Last-Modified"):
            result.last_modified = parsedate_to_datetime(response["Last-Modified"]).timestamp()
        else:
            result.last_modified = timezone.now().timestamp()
        if response.status_code in (301, 302, 307, 308):
            result.location = response["Location"]
        if response.status_code == 200:
            result.keys = keys | list_keys_for_url(url, self.lookup)
            if content_type.split(";")[0].strip() in LINKED_TYPES:
                text = body.decode("utf-8", "replace")
                result.links = self.same_site_links(text)
                result.media = set(MEDIA.findall(text))
        return result

    def same_site_links(self, text: str) -> set[str]:
        links = set()
        known = self.local_paths
        for raw in {*LINK.findall(text), *XML_LINK.findall(text)}:
            # The menu, footer, tags and teasers repeat the same links on
            # thousands of pages: each is looked at once per renderer.
            if raw not in known:
                if len(known) > 100_000:
                    known.clear()
                known[raw] = self.local_path(html.unescape(raw).strip())
            if known[raw] is not None:
                links.add(known[raw])
        return links

    def local_path(self, link: str) -> str | None:
        """The path of a same-site link worth baking, or None."""
        if link.startswith(("http://", "https://")):
            parts = urlsplit(link)
            if f"{parts.scheme}://{parts.netloc}" not in self.origins:
                return None
            link = parts.path + (f"?{parts.query}" if parts.query else "")
        if not link.startswith("/") or link.startswith("//") or "?" in link:
            return None
        if is_dynamic(link):
            return None
        try:
            url_to_relative_path(link)
        except NotBakeable:
            return None
        return link

    def full_url(self, path: str) -> str:
        return self.root_url + path

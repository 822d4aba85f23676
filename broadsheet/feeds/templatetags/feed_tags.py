"""Links to the feeds: autodiscovery in a page's head, and the footer's “Follow” group.

``{% load feed_tags %}`` gives:

- ``{% feed_links %}``: ``<link rel="alternate">`` to the site's RSS, Atom and JSON Feed.
- ``{% feed_links "section" page.slug page.title %}`` (also ``"tag"`` and
  ``"author"``): the RSS and Atom feeds of that section, tag or author.
- ``{% follow_feed_links as links %}``: the site's feeds as footer links,
  for ``{% footer_groups site_settings links as groups %}``.
"""

from django import template
from django.urls import reverse

from broadsheet.core.memo import memoized
from broadsheet.core.models import SiteSettings

register = template.Library()

MIME_TYPES = {
    "RSS": "application/rss+xml",
    "Atom": "application/atom+xml",
    "JSON Feed": "application/feed+json",
}
# (format, URL name) of each kind of page's feeds.
FEEDS = {
    "site": (("RSS", "feeds:rss"), ("Atom", "feeds:atom"), ("JSON Feed", "feeds:json")),
    "section": (("RSS", "feeds:section-rss"), ("Atom", "feeds:section-atom")),
    "tag": (("RSS", "feeds:tag-rss"), ("Atom", "feeds:tag-atom")),
    "author": (("RSS", "feeds:author-rss"), ("Atom", "feeds:author-atom")),
}
FOLLOW_LABELS = {"RSS": "RSS feed", "Atom": "Atom feed", "JSON Feed": "JSON Feed"}


def feeds_of(scope: str, slug: str = "") -> list[tuple[str, str]]:
    """``(format, path)`` of the feeds of ``scope`` (``site``, ``section``, ``tag``, ``author``)."""
    args = [slug] if scope != "site" else []
    # Every page of a bake links the site's feeds: reversed once per bake (core.memo).
    return memoized(
        f"feeds:of:{scope}:{slug}", lambda: [(kind, reverse(name, args=args)) for kind, name in FEEDS[scope]]
    )


@register.inclusion_tag("includes/feed_links.html", takes_context=True)
def feed_links(context: template.Context, scope: str = "site", slug: str = "", name: str = "") -> dict:
    request = context.get("request")
    site_name = SiteSettings.for_request(request).site_name if request is not None else ""
    prefix = f"{site_name}: {name}" if name else site_name
    return {
        "links": [
            {"title": f"{prefix} ({kind})", "type": MIME_TYPES[kind], "href": path}
            for kind, path in feeds_of(scope, slug)
        ]
    }


@register.simple_tag
def follow_feed_links() -> list[dict]:
    return [
        {"label": FOLLOW_LABELS[kind], "url": path, "rel": "alternate", "type": MIME_TYPES[kind]}
        for kind, path in feeds_of("site")
    ]

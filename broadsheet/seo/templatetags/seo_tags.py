"""``{% load seo_tags %}``: what a page tells search engines and social networks.

- ``{% page_metadata as seo %}``: the page's ``metadata.PageMetadata``, built
  on first use (a page that shows none of it, like the 404, costs nothing).
- ``{% share_tags seo %}``: its OpenGraph and X/Twitter ``<meta>`` elements and
  its JSON-LD scripts.
- ``value|xml_text``: text without the characters XML 1.0 cannot carry.
"""

import re

from django import template
from django.utils.functional import SimpleLazyObject
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

from broadsheet.core.templatetags.broadsheet_tags import iso_utc
from broadsheet.seo import metadata

register = template.Library()

# Everything XML 1.0 allows: tab, newline, carriage return and the ranges below.
NOT_XML_CHARACTERS = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@register.simple_tag(takes_context=True)
def page_metadata(context: template.Context):
    if context.get("request") is None:
        return None
    flat = context.flatten()
    return SimpleLazyObject(lambda: metadata.for_context(flat))


@register.filter
def xml_text(value) -> str:
    return NOT_XML_CHARACTERS.sub("", str(value))


@register.simple_tag
def share_tags(seo) -> SafeString:
    """OpenGraph, the X/Twitter card and the JSON-LD of a page, every URL absolute, the page's canonical.

    Why Python and not a template: every page of a bake carries these two
    dozen elements, and as an included template (a variable lookup and an
    escape each) they cost half a millisecond a page, a fourteenth of a story
    page's whole rendering. What they say comes from ``seo.metadata``.
    """
    if not seo:
        return ""
    image, story, publication = seo.image, seo.story, seo.publication
    properties = [
        ("og:site_name", publication.name),
        ("og:type", seo.type),
        ("og:title", seo.title),
        ("og:description", seo.description),
        ("og:url", seo.url),
        ("og:locale", seo.locale),
        ("og:image", image.url),
        ("og:image:width", image.width),
        ("og:image:height", image.height),
        ("og:image:alt", image.alt),
    ]
    if story:
        if story.page.first_published_at:
            properties.append(("article:published_time", iso_utc(story.page.first_published_at)))
            properties.append(("article:modified_time", iso_utc(story.modified_at)))
        if story.section:
            properties.append(("article:section", story.section.title))
        properties.extend(("article:tag", tag) for tag in story.tags)
        properties.extend(("article:author", url) for _person, url in story.authors)
    names = [("twitter:card", "summary_large_image")]
    if publication.x_handle:
        names.append(("twitter:site", publication.x_handle))
    names += [
        ("twitter:title", seo.title),
        ("twitter:description", seo.description),
        ("twitter:image", image.url),
        ("twitter:image:alt", image.alt),
    ]
    lines = [
        f'<meta {attribute}="{key}" content="{conditional_escape(value)}">'
        for attribute, pairs in (("property", properties), ("name", names))
        for key, value in pairs
    ]
    lines += [str(script) for script in seo.scripts]
    return mark_safe("\n    ".join(lines))  # every value is escaped; scripts are SafeStrings

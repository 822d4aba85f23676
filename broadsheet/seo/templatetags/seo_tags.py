"""``{% load seo_tags %}``: what a page tells search engines and social networks.

- ``{% page_metadata as seo %}``: the page's ``metadata.PageMetadata``, built
  on first use (a page that shows none of it, like the 404, costs nothing).
- ``value|xml_text``: text without the characters XML 1.0 cannot carry.
"""

import re

from django import template
from django.utils.functional import SimpleLazyObject

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

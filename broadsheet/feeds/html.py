"""Content HTML fit for a feed: sanitised, with absolute links and images.

A feed reader shows our HTML outside our site, so relative addresses would
point at the reader's own host, and anything beyond plain story markup
(scripts, styles, event handlers, classes meant for our CSS) is at best
noise. We build on Wagtail's ``Whitelister`` (the allow-list it used for
editor HTML) rather than adding a sanitiser dependency: our body HTML comes
from our own block templates over Wagtail's already-filtered rich text, so
an allow-list of story elements is all it needs.
"""

import hashlib
from urllib.parse import urljoin

from bs4 import Tag
from wagtail.whitelist import Whitelister, allow_without_attributes, attribute_rule, check_url

from broadsheet.core.memo import BoundedCache

# Elements whose content is dropped with them, not kept as text.
DROPPED_WITH_CONTENT = {"script", "style", "template", "iframe", "object", "embed", "noscript", "form", "svg", "math"}
# Structure a story body uses; other elements (div, span, aside…) are unwrapped, keeping their text.
KEPT_PLAIN = [
    "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "strong", "b", "em", "i", "s", "del", "sup", "sub",
    "ul", "ol", "li", "blockquote", "cite", "figure", "figcaption", "code", "pre",
]  # fmt: skip


class FeedHtmlCleaner(Whitelister):
    """Keep story markup only; make ``href`` and ``src`` absolute against ``base_url``."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.element_rules = {
            "[document]": allow_without_attributes,
            **dict.fromkeys(KEPT_PLAIN, allow_without_attributes),
            "a": attribute_rule({"href": self.absolute_url}),
            "img": attribute_rule({"src": self.absolute_url, "alt": True, "width": True, "height": True}),
        }

    def absolute_url(self, url: str) -> str | None:
        url = url.strip()
        if not url or check_url(url) is None:
            return None
        return urljoin(self.base_url, url)

    def clean_tag_node(self, doc, tag: Tag) -> None:
        if tag.name in DROPPED_WITH_CONTENT:
            tag.decompose()
            return
        if tag.name == "img" and tag.get("srcset"):
            use_widest_source(tag)
        super().clean_tag_node(doc, tag)
        if tag.name == "img" and not tag.get("src"):
            tag.decompose()


def use_widest_source(img: Tag) -> None:
    """Feeds carry one ``src`` (readers ignore ``srcset``): the widest candidate, its height scaled."""
    candidates = []
    for candidate in img["srcset"].split(","):
        parts = candidate.split()
        if len(parts) == 2 and parts[1].endswith("w") and parts[1][:-1].isdigit():
            candidates.append((int(parts[1][:-1]), parts[0]))
    if not candidates:
        return
    width, url = max(candidates)
    old_width, old_height = img.get("width", ""), img.get("height", "")
    if old_width.isdigit() and old_height.isdigit() and int(old_width):
        img["height"] = str(round(int(old_height) * width / int(old_width)))
    img["src"], img["width"] = url, str(width)


def feed_html(html: str, base_url: str) -> str:
    """``html`` sanitised for a feed, every link and image absolute against ``base_url``.

    The answer is remembered by a digest of its input, for as long as the
    process lives: each publish rebakes a dozen feeds of the same fifty
    newest stories, and parsing their bodies again was a tenth of the
    rebake. Keyed by the input itself, a remembered answer can never be stale.
    """
    key = (hashlib.blake2b(html.encode(), digest_size=20).digest(), base_url)
    cleaned = _cleaned.get(key)
    if cleaned is None:
        cleaned = FeedHtmlCleaner(base_url).clean(html).strip()
        _cleaned.add([(key, cleaned)])
    return cleaned


# About 8 KB a story body: 16 MB at most.
_cleaned = BoundedCache(2000)

"""Parts every page shares, rendered once per bake instead of once per page.

The navigation, the ticker, the "More from the paper" rail and the footer
are the same on thousands of pages (or on all pages of one section), and a
story's teaser is the same on every list and Related block that shows it. While a
bake renders, ``{% bake_once "name" %}…{% endbake_once %}`` keeps the first
rendering of each and reuses it; the page records ``fragment:<name>`` rather
than everything the fragment loaded, so that a story entering the ticker
does not make every page depend on it. Outside a bake the tag renders its
contents as if it were not there.
"""

import contextlib
from collections.abc import Callable, Hashable, Iterator
from contextvars import ContextVar

from django.template import Context

from broadsheet.core.memo import BoundedCache, memo_scope

_cache: ContextVar[dict | None] = ContextVar("broadsheet_bake_fragments", default=None)


def _current_section_pk(context: Context) -> int | None:
    from broadsheet.sections.templatetags.section_tags import current_section

    section = current_section(context)
    return section.pk if section is not None else None


def _navigation_vary(context: Context) -> Hashable:
    # The menu marks the section being read: aria-current="page" on the
    # section's own front, "true" anywhere else inside it.
    from broadsheet.sections.templatetags.section_tags import current_section

    section = current_section(context)
    if section is None:
        return None
    request = context.get("request")
    return section.pk, request is not None and request.path == section.get_url(request)


# Everything a story's teaser shows comes from the story and the include's
# parameters (components/article_teaser.html).
TEASER_PARAMETERS = ("variant", "level", "show_image", "show_standfirst", "relative_time", "image_sizes")


def _teaser_vary(context: Context) -> Hashable:
    return (context["article"].pk, *(context.get(name) for name in TEASER_PARAMETERS))


# What each shared fragment's output depends on, besides the site itself.
VARY: dict[str, Callable[[Context], Hashable]] = {
    "ticker": lambda context: None,
    "footer": lambda context: None,
    # The stylesheet, the scripts and the site's feed links in every page's head.
    "assets": lambda context: None,
    "site_feeds": lambda context: None,
    "navigation": _navigation_vary,
    "rail": _current_section_pk,
    "teaser": _teaser_vary,
}

# Fragments of one item rather than of the site: the page that shows a teaser
# loaded its story (and so recorded it) before rendering the teaser, so the
# page depends on the story itself, not on a site-wide ``fragment:`` key.
PER_ITEM = {"teaser"}
# They are kept in a bounded cache (about 1.5 KB each: 45 MB at most), since
# there are as many as the archive has stories.
CACHED_ITEM_FRAGMENTS = 30000
_ITEMS = "per-item fragments"


def item_fragments(store: dict) -> BoundedCache:
    """The per-item fragments of this bake's ``store``."""
    items = store.get(_ITEMS)
    if items is None:
        items = store[_ITEMS] = BoundedCache(CACHED_ITEM_FRAGMENTS)
    return items


def cached_fragments() -> dict | None:
    return _cache.get()


@contextlib.contextmanager
def fragments_cached(whole_site: bool = False) -> Iterator[dict]:
    """Keep shared fragments for the rest of the block (one bake, one rebake).

    ``whole_site``: a full bake, which may read the whole archive once (core.memo).
    """
    store: dict = {}
    token = _cache.set(store)
    try:
        # The same block is one bake's worth of unchanging lookups (core.memo).
        with memo_scope(whole_site):
            yield store
    finally:
        _cache.reset(token)

"""Images by id with their renditions, each picture loaded once per bake.

A page asks for its pictures in bulk (teaser lists, story bodies, the lead
picture): two queries. During a bake every page would ask again for the
same pictures (a story's picture is on its page, its section, home, its tags
and authors, its neighbours' Related blocks). Inside a ``core.memo`` scope a
picture is loaded once, with every rendition it has, and later pages take
it from there. Renditions made later (a new size) are added to the image's
prefetched list by Wagtail itself, so they are not looked up again. The
cache is bounded so that a bake of a large archive keeps flat memory.
"""

from collections.abc import Iterable

from wagtail.images import get_image_model

from broadsheet.core.memo import BoundedCache, memo_active, memoized, reused

CACHED_IMAGES = 5000


def images_by_id(ids: Iterable[int | None], *specs: str) -> dict:
    """``{id: image}`` for ``ids`` with the renditions ``specs`` prefetched (all of them in a bake)."""
    wanted = {pk for pk in ids if pk is not None}
    if not wanted:
        return {}
    if not memo_active():
        return get_image_model().objects.prefetch_renditions(*specs).in_bulk(wanted)
    cache = memoized("images:by-id", lambda: BoundedCache(CACHED_IMAGES))
    found = {pk: cache[pk] for pk in wanted if pk in cache}
    if missing := wanted - found.keys():
        loaded = get_image_model().objects.prefetch_renditions().in_bulk(missing)
        cache.add(loaded.items())
        found.update(loaded)
    reused(found.values())
    return found


def attach_lead_images(articles: list, *specs: str) -> None:
    """Set each article's ``lead_image`` from ``images_by_id``: no query per teaser."""
    images = images_by_id((article.lead_image_id for article in articles), *specs)
    for article in articles:
        if article.lead_image_id is not None:
            article._state.fields_cache["lead_image"] = images.get(article.lead_image_id)
        else:
            article._state.fields_cache["lead_image"] = None

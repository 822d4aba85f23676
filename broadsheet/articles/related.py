"""The Related block under an article.

Order: the editor's picks, then stories sharing a tag, then stories from the
same section, most recent first within each group; never the article itself,
never anything unpublished, no story twice.

Each group is asked for ids only, then the chosen stories are loaded once
with everything a teaser needs, so the article page costs the same number of
queries whichever groups fill the block.
"""

from wagtail.models import Page


def related_article_ids(article, limit: int = 4) -> list[int]:
    from .models import ArticlePage

    published = ArticlePage.objects.published().exclude(pk=article.pk)
    # Picks and tags are read through the page's own relations, not by
    # querying for its id: a preview shows an unsaved article (no id yet, or
    # picks and tags changed in the form) and must show its Related block.
    pick_ids = [link.related_page_id for link in article.related_links.all() if link.related_page_id]
    tag_ids = [item.tag_id for item in article.tagged_items.all() if item.tag_id]
    live_picks = set(published.filter(pk__in=pick_ids).values_list("pk", flat=True))
    sharing_tags = published.tagged(tag_ids).newest_first()
    same_section = published.in_section_at(article.path[: -Page.steplen]).newest_first()

    # Every group is fetched even when an earlier one fills the block, so the
    # page's query count never depends on which groups were needed.
    groups = (
        [pk for pk in pick_ids if pk in live_picks],
        sharing_tags.values_list("pk", flat=True).newest(limit + len(pick_ids)),
        list(same_section.values_list("pk", flat=True)[: 2 * limit + len(pick_ids)]),
    )
    return choose(groups, limit)


def choose(groups, limit: int) -> list[int]:
    """The first ``limit`` distinct ids, taking the groups in order (picks, tags, section)."""
    chosen: list[int] = []
    for candidates in groups:
        for pk in candidates:
            if len(chosen) == limit:
                return chosen
            if pk not in chosen:
                chosen.append(pk)
    return chosen


def related_articles(article, limit: int = 4) -> list:
    from .catalogue import catalogue
    from .models import ArticlePage

    if (known := catalogue()) is not None and article.pk is not None:
        # A full bake: the same rule, answered from memory (catalogue.py).
        ids = known.related_ids(article, limit)
        loaded = known.teasers_by_id(ids)
        return [loaded[pk] for pk in ids if pk in loaded]
    ids = related_article_ids(article, limit)
    loaded = {page.pk: page for page in ArticlePage.objects.filter(pk__in=ids).for_teasers()}
    return [loaded[pk] for pk in ids if pk in loaded]

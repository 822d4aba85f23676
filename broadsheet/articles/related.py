"""The Related block under an article.

Order: the editor's picks, then stories sharing a tag, then stories from the
same section, most recent first within each group; never the article itself,
never anything unpublished, no story twice.
"""

from wagtail.models import Page


def related_articles(article, limit: int = 4) -> list:
    from .models import ArticlePage, ArticleTag

    published = ArticlePage.objects.published()
    chosen: list = []
    seen = {article.pk}

    def take(candidates) -> None:
        for candidate in candidates:
            if len(chosen) >= limit:
                return
            if candidate.pk not in seen:
                seen.add(candidate.pk)
                chosen.append(candidate)

    pick_ids = [pk for pk in article.related_links.values_list("related_page_id", flat=True)]
    if pick_ids:
        picks = {page.pk: page for page in published.filter(pk__in=pick_ids).for_teasers()}
        take(picks[pk] for pk in pick_ids if pk in picks)

    if len(chosen) < limit:
        tag_ids = list(article.tagged_items.values_list("tag_id", flat=True))
        if tag_ids:
            tagged = ArticleTag.objects.filter(tag_id__in=tag_ids).values("content_object_id")
            sharing = published.filter(pk__in=tagged).exclude(pk__in=seen).for_teasers()
            take(sharing[: limit - len(chosen)])

    if len(chosen) < limit and article.depth > 1:
        parent_path = article.path[: -Page.steplen]
        same_section = published.filter(path__startswith=parent_path, depth=article.depth).exclude(pk__in=seen)
        take(same_section.for_teasers()[: limit - len(chosen)])

    return chosen

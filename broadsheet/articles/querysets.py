"""What counts as published, and how teaser lists load, in one place.

Views, the ticker, related articles, feeds, sitemaps and baking all start
from ``ArticlePage.objects.published()`` so that the publication rule cannot
differ between them.
"""

from django.db.models import Prefetch
from django.db.models.query import ModelIterable
from wagtail.images import get_image_model
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet

from broadsheet.images.renditions import TEASER_IMAGE_SPECS


def attach_sections(articles: list) -> None:
    """Give each article its ``section`` in one query for the whole list.

    An article's section is its parent page; asking each teaser for
    ``get_parent()`` would cost a query per teaser.
    """
    from broadsheet.sections.models import SectionPage

    missing = [a for a in articles if "section" not in a.__dict__]
    if not missing:
        return
    parent_paths = {a.path[: -Page.steplen] for a in missing}
    sections = {s.path: s for s in SectionPage.objects.filter(path__in=parent_paths)}
    for article in missing:
        article.__dict__["section"] = sections.get(article.path[: -Page.steplen])


class SectionAttachingIterable(ModelIterable):
    def __iter__(self):
        articles = list(super().__iter__())
        attach_sections(articles)
        yield from articles


class ArticleQuerySet(PageQuerySet):
    def published(self) -> "ArticleQuerySet":
        """Live, not behind a view restriction, with a publication time."""
        return self.live().public().filter(first_published_at__isnull=False)

    def newest_first(self) -> "ArticleQuerySet":
        return self.order_by("-first_published_at", "-pk")

    def for_teasers(self) -> "ArticleQuerySet":
        """Newest first, with everything a teaser shows loaded in a fixed number of queries."""
        image_queryset = get_image_model().objects.prefetch_renditions(*TEASER_IMAGE_SPECS)
        clone = (
            self.newest_first()
            .prefetch_related(
                Prefetch("lead_image", queryset=image_queryset),
                "article_authors__person",
            )
            .defer_streamfields()
        )
        clone._iterable_class = SectionAttachingIterable
        return clone


ArticleManager = PageManager.from_queryset(ArticleQuerySet)

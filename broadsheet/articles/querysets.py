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

from broadsheet.images.renditions import FEED_IMAGE_SPEC, TEASER_IMAGE_SPECS


def attach_sections(articles: list, known_sections: tuple = ()) -> None:
    """Give each article its ``section`` in at most one query for the whole list.

    An article's section is its parent page; asking each teaser for
    ``get_parent()`` would cost a query per teaser. Sections the caller
    already holds (``known_sections``) are not fetched again.
    """
    from broadsheet.sections.models import SectionPage

    missing = [a for a in articles if "section" not in a.__dict__]
    by_path = {section.path: section for section in known_sections}
    unknown_paths = {a.path[: -Page.steplen] for a in missing} - by_path.keys()
    if unknown_paths:
        by_path.update((s.path, s) for s in SectionPage.objects.filter(path__in=unknown_paths))
    for article in missing:
        article.section = by_path.get(article.path[: -Page.steplen])


class SectionAttachingIterable(ModelIterable):
    def __iter__(self):
        articles = list(super().__iter__())
        attach_sections(articles, self.queryset._known_sections)
        yield from articles


class ArticleQuerySet(PageQuerySet):
    # Sections the caller already has, handed to attach_sections (see with_sections).
    _known_sections: tuple = ()

    def _clone(self):
        clone = super()._clone()
        clone._known_sections = self._known_sections
        return clone

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

    def for_feeds(self) -> "ArticleQuerySet":
        """Newest first, with everything a feed item carries (authors, tags, the lead
        picture's feed rendition, the section) loaded in a fixed number of queries."""
        image_queryset = get_image_model().objects.prefetch_renditions(FEED_IMAGE_SPEC)
        clone = self.newest_first().prefetch_related(
            Prefetch("lead_image", queryset=image_queryset),
            "article_authors__person",
            "tagged_items__tag",
        )
        clone._iterable_class = SectionAttachingIterable
        return clone

    def headlines(self) -> "ArticleQuerySet":
        """Newest first with their sections, for lists that show headlines only."""
        clone = self.newest_first().defer_streamfields()
        clone._iterable_class = SectionAttachingIterable
        return clone

    def with_sections(self, sections) -> "ArticleQuerySet":
        """Use these section pages for the articles' ``section`` instead of fetching them."""
        clone = self._chain()
        clone._known_sections = tuple(sections)
        return clone


ArticleManager = PageManager.from_queryset(ArticleQuerySet)

"""The sitemap of section fronts (special-topic hubs included)."""

from django.db.models import OuterRef, QuerySet, Subquery

from broadsheet.seo.sitemaps import BroadsheetSitemap

from .models import SectionPage


class SectionSitemap(BroadsheetSitemap):
    """Each live section's front, last modified when it, or the newest story in it, was."""

    read_whole = True  # a few hundred at most

    def items(self) -> QuerySet:
        from broadsheet.articles.models import ArticlePage

        newest_story = (
            ArticlePage.objects.published()
            .filter(path__startswith=OuterRef("path"), depth=OuterRef("depth") + 1)
            .order_by("-last_published_at")
            .values("last_published_at")[:1]
        )
        return (
            SectionPage.objects.descendant_of(self.site.root_page)
            .live()
            .public()
            .annotate(newest_story_at=Subquery(newest_story))
            .order_by("path")
        )

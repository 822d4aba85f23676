"""The sitemap of tag pages."""

from django.db.models import OuterRef, QuerySet, Subquery

from broadsheet.seo.sitemaps import BroadsheetSitemap

from .models import Tag


class TagSitemap(BroadsheetSitemap):
    """Tags on at least one published story, last modified with the newest of those stories."""

    read_whole = True  # a few hundred at most

    def items(self) -> QuerySet:
        from broadsheet.articles.models import ArticlePage

        newest_story = (
            ArticlePage.objects.published()
            .filter(tagged_items__tag=OuterRef("pk"))
            .order_by("-last_published_at")
            .values("last_published_at")[:1]
        )
        return (
            Tag.objects.annotate(newest_story_at=Subquery(newest_story))
            .filter(newest_story_at__isnull=False)
            .order_by("slug")
        )

    def url_entries(self, tag: Tag) -> list[dict]:
        return [{"location": self.root_url + tag.get_absolute_url(), "lastmod": tag.newest_story_at}]

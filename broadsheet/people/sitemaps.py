"""The sitemap of author pages."""

from django.db.models import OuterRef, QuerySet, Subquery

from broadsheet.seo.sitemaps import BroadsheetSitemap

from .models import Person


class PersonSitemap(BroadsheetSitemap):
    """Authors with at least one published story; a page that lists none has nothing to index.

    Last modified when their newest story was published or edited.
    """

    read_whole = True  # a few hundred at most

    def items(self) -> QuerySet:
        from broadsheet.articles.models import ArticlePage

        newest_story = (
            ArticlePage.objects.published()
            .filter(article_authors__person=OuterRef("pk"))
            .order_by("-last_published_at")
            .values("last_published_at")[:1]
        )
        return (
            Person.objects.annotate(newest_story_at=Subquery(newest_story))
            .filter(newest_story_at__isnull=False)
            .order_by("slug")
        )

    def url_entries(self, person: Person) -> list[dict]:
        return [{"location": self.root_url + person.get_absolute_url(), "lastmod": person.newest_story_at}]

"""RSS and Atom feeds of the newest stories with one tag."""

from broadsheet.articles.feeds import ArticleFeed
from broadsheet.articles.models import ArticlePage

from .models import Tag


class TagFeed(ArticleFeed):
    def get_object(self, request, slug: str) -> Tag:
        return Tag.objects.get(slug=slug)

    def articles(self, tag: Tag):
        return ArticlePage.objects.published().tagged([tag.pk])

    def title(self, tag: Tag) -> str:
        return f"{tag.name} — {self.site_settings().site_name}"

    def description(self, tag: Tag) -> str:
        return f"The newest stories about {tag.name} from {self.site_settings().site_name}."

    def link(self, tag: Tag) -> str:
        return self.absolute_url(tag.get_absolute_url())

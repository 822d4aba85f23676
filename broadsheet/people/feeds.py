"""RSS and Atom feeds of one author's newest stories."""

from broadsheet.articles.feeds import ArticleFeed
from broadsheet.articles.models import ArticlePage

from .models import Person


class AuthorFeed(ArticleFeed):
    def get_object(self, request, slug: str) -> Person:
        return Person.objects.get(slug=slug)

    def articles(self, person: Person):
        return ArticlePage.objects.published().written_by(person)

    def title(self, person: Person) -> str:
        return f"{person.name} — {self.site_settings().site_name}"

    def description(self, person: Person) -> str:
        role = f", {person.role}" if person.role else ""
        return f"The newest stories by {person.name}{role}, from {self.site_settings().site_name}."

    def link(self, person: Person) -> str:
        return self.absolute_url(person.get_absolute_url())

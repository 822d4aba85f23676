"""RSS and Atom feeds of one section's newest stories."""

from wagtail.models import Site

from broadsheet.articles.feeds import ArticleFeed
from broadsheet.articles.models import ArticlePage

from .models import SectionPage


class SectionFeed(ArticleFeed):
    def get_object(self, request, slug: str) -> SectionPage:
        # A section of the site serving the request; an unknown slug is a 404.
        site = Site.find_for_request(request)
        if site is None:
            raise SectionPage.DoesNotExist("No site serves this host.")
        return SectionPage.objects.live().public().child_of(site.root_page).get(slug=slug)

    def articles(self, section: SectionPage):
        return ArticlePage.objects.published().in_section(section).with_sections([section])

    def title(self, section: SectionPage) -> str:
        return f"{section.title} — {self.site_settings().site_name}"

    def description(self, section: SectionPage) -> str:
        return section.intro or f"The newest {section.title} stories from {self.site_settings().site_name}."

    def link(self, section: SectionPage) -> str:
        return section.get_full_url(self.request)

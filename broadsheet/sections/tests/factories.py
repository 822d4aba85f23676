import json

from wagtail.models import Site

from broadsheet.home.models import HomePage
from broadsheet.sections.models import NavigationSettings, SectionPage


def make_section(home: HomePage, title: str, slug: str = "", **fields) -> SectionPage:
    return home.add_child(instance=SectionPage(title=title, slug=slug, **fields))


def make_navigation(site: Site, entries: list[tuple[SectionPage, str]]) -> NavigationSettings:
    """The menu: ``(section, label)`` pairs in order; an empty label shows the section's title."""
    navigation = NavigationSettings.for_site(site)
    navigation.items = json.dumps(
        [{"type": "section", "value": {"section": section.pk, "label": label}} for section, label in entries]
    )
    navigation.save()
    return navigation

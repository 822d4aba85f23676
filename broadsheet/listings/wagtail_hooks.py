"""The city guide in the admin: venues and categories as snippets, the two CSV imports.

Events are pages (edit them in the page tree under the city guide); the
"City guide" menu groups what is not in the tree.
"""

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from broadsheet.core.imports.admin_urls import ImportMenuItem, import_urls

from .imports import EventImporter, VenueImporter
from .models import EventCategory, Venue


class VenueViewSet(SnippetViewSet):
    model = Venue
    icon = "site"
    list_display = ["name", "district", "city"]
    list_filter = ["city"]
    search_fields = ["name", "address"]


class EventCategoryViewSet(SnippetViewSet):
    model = EventCategory
    icon = "tag"
    list_display = ["name", "slug", "sort_order"]


class CityGuideViewSetGroup(SnippetViewSetGroup):
    menu_label = "City guide"
    menu_icon = "date"
    menu_order = 250
    items = (VenueViewSet, EventCategoryViewSet)

    def get_submenu_items(self) -> list[MenuItem]:
        return super().get_submenu_items() + [
            ImportMenuItem(VenueImporter, order=900),
            ImportMenuItem(EventImporter, order=910),
        ]


register_snippet(CityGuideViewSetGroup)


@hooks.register("register_admin_urls")
def register_import_urls() -> list:
    return import_urls(VenueImporter) + import_urls(EventImporter)


@hooks.register("broadsheet_bake_daily_urls")
def city_guide_daily_urls(today):
    """Tonight, the weekend, the week and the upcoming lists change at midnight (listings.baking)."""
    from .baking import time_window_urls

    return time_window_urls(today)

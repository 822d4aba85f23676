"""The "Print" menu: editions and distribution points, edited as snippets, and the points' CSV import."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, EditView, SnippetViewSet, SnippetViewSetGroup

from broadsheet.core.imports.admin_urls import ImportMenuItem, import_urls

from .imports import DistributionPointImporter
from .models import DistributionPoint, PrintEdition


class RefusingCreateView(CreateView):
    """A refused form answers 400, not 200: a rejected upload is a client error (the brief's rule)."""

    def form_invalid(self, form):
        response = super().form_invalid(form)
        if response.status_code == 200:
            response.status_code = 400
        return response


class RefusingEditView(EditView):
    def form_invalid(self, form):
        response = super().form_invalid(form)
        if response.status_code == 200:
            response.status_code = 400
        return response


class PrintEditionViewSet(SnippetViewSet):
    model = PrintEdition
    icon = "doc-full"
    menu_label = "Editions"
    list_display = ["__str__", "page_count", "live"]
    list_filter = ["live"]
    search_fields = ["summary"]
    ordering = ["-date", "-issue_number"]
    # A copy would share the original's stored PDF, which deleting either would remove.
    copy_view_enabled = False
    add_view_class = RefusingCreateView
    edit_view_class = RefusingEditView


class DistributionPointViewSet(SnippetViewSet):
    model = DistributionPoint
    icon = "site"
    menu_label = "Where to find us"
    list_display = ["name", "kind", "city", "address"]
    list_filter = ["kind", "city"]
    search_fields = ["name", "address", "city"]
    add_view_class = RefusingCreateView
    edit_view_class = RefusingEditView


class PrintViewSetGroup(SnippetViewSetGroup):
    items = (PrintEditionViewSet, DistributionPointViewSet)
    menu_icon = "doc-full"
    menu_label = "Print"
    menu_order = 250

    def get_submenu_items(self) -> list:
        return super().get_submenu_items() + [ImportMenuItem(DistributionPointImporter, order=300)]


register_snippet(PrintViewSetGroup)


@hooks.register("register_admin_urls")
def register_distribution_point_import_urls() -> list:
    return import_urls(DistributionPointImporter)


@hooks.register("broadsheet_bake_urls")
def editions_bake_urls() -> list[str]:
    """Every public address of this app, for the static bake (``broadsheet.publishing``).

    The crawl would find most of them through links; this also lists the
    city-and-kind pages no link leads to (a kind a city lacks), which the
    filter form's jump may still send a reader to.
    """
    from .bake import public_urls

    return public_urls()

"""Wiring one importer into Wagtail's admin: its URLs and a menu item."""

from django.urls import path, reverse
from wagtail.admin.menu import MenuItem

from .importer import CsvImporter
from .views import CsvImportView, template_csv_view


def import_urls(importer_class: type[CsvImporter]) -> list:
    """URL patterns for ``register_admin_urls``: ``imports/<slug>/`` and its template file."""
    slug = importer_class.slug
    return [
        path(
            f"imports/{slug}/",
            CsvImportView.as_view(importer_class=importer_class),
            name=f"csv_import_{slug}",
        ),
        path(f"imports/{slug}/template.csv", template_csv_view(importer_class), name=f"csv_import_{slug}_template"),
    ]


class ImportMenuItem(MenuItem):
    """“Import <things>”, shown to users holding the importer's permission."""

    def __init__(self, importer_class: type[CsvImporter], order: int = 1000) -> None:
        self.importer_class = importer_class
        super().__init__(
            f"Import {importer_class.verbose_name}",
            reverse(f"csv_import_{importer_class.slug}"),
            icon_name="upload",
            order=order,
            name=f"import-{importer_class.slug}",
        )

    def is_shown(self, request) -> bool:
        permission = self.importer_class.permission
        return not permission or request.user.has_perm(permission)

"""A URLconf with one example import in the admin, for the generic importer's tests."""

from django.urls import include, path
from wagtail.admin import urls as wagtailadmin_urls

from broadsheet.core.imports.admin_urls import import_urls

from .test_csv_import import PersonImporter

urlpatterns = [
    path("admin/", include(import_urls(PersonImporter))),
    path("admin/", include(wagtailadmin_urls)),
]

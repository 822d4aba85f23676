from django.apps import AppConfig


class TaxonomyConfig(AppConfig):
    name = "broadsheet.taxonomy"
    label = "taxonomy"

from django.apps import AppConfig


class SeoConfig(AppConfig):
    verbose_name = "Search and sharing"
    name = "broadsheet.seo"
    label = "seo"

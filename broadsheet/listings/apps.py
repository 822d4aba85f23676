from django.apps import AppConfig


class ListingsConfig(AppConfig):
    verbose_name = "City guide"
    name = "broadsheet.listings"
    label = "listings"

from django.apps import AppConfig


class SearchConfig(AppConfig):
    verbose_name = "Search"
    name = "broadsheet.search"
    label = "broadsheet_search"

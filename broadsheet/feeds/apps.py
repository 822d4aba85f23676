from django.apps import AppConfig


class FeedsConfig(AppConfig):
    verbose_name = "Feeds"
    name = "broadsheet.feeds"
    label = "feeds"

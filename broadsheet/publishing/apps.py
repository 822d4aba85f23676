from django.apps import AppConfig


class PublishingConfig(AppConfig):
    verbose_name = "Publishing"
    name = "broadsheet.publishing"
    label = "publishing"

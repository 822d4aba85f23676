from django.apps import AppConfig


class CoreConfig(AppConfig):
    verbose_name = "Broadsheet core"
    name = "broadsheet.core"
    label = "core"

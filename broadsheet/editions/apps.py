from django.apps import AppConfig


class EditionsConfig(AppConfig):
    verbose_name = "Print editions"
    name = "broadsheet.editions"
    label = "editions"

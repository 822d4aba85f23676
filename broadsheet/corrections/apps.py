from django.apps import AppConfig


class CorrectionsConfig(AppConfig):
    verbose_name = "Corrections"
    name = "broadsheet.corrections"
    label = "corrections"

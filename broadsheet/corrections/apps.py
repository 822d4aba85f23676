from django.apps import AppConfig


class CorrectionsConfig(AppConfig):
    verbose_name = "Corrections"
    name = "broadsheet.corrections"
    label = "corrections"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()

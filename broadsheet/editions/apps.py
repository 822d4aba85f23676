from django.apps import AppConfig


class EditionsConfig(AppConfig):
    verbose_name = "Print editions"
    name = "broadsheet.editions"
    label = "editions"

    def ready(self) -> None:
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()

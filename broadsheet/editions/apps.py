from django.apps import AppConfig


class EditionsConfig(AppConfig):
    verbose_name = "Print editions"
    name = "broadsheet.editions"
    label = "editions"

    def ready(self) -> None:
        from . import checks  # noqa: F401 (registers the system checks)
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()

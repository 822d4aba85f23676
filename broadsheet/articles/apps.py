from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "broadsheet.articles"
    label = "articles"

    def ready(self) -> None:
        from .tallies import register_signal_handlers

        register_signal_handlers()

from django.apps import AppConfig


class PublishingConfig(AppConfig):
    verbose_name = "Publishing"
    name = "broadsheet.publishing"
    label = "publishing"

    def ready(self) -> None:
        from django.db.models.signals import post_init

        from .record import note_instance
        from .signal_handlers import register_signal_handlers

        post_init.connect(note_instance, dispatch_uid="broadsheet_bake_record")
        register_signal_handlers()

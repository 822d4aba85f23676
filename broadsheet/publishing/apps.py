from django.apps import AppConfig


class PublishingConfig(AppConfig):
    verbose_name = "Publishing"
    name = "broadsheet.publishing"
    label = "publishing"

    def ready(self) -> None:
        from django.db.models.signals import post_init

        from broadsheet.core.memo import around_factories, on_reuse

        from .record import note_instance, paused
        from .signal_handlers import register_signal_handlers

        post_init.connect(note_instance, dispatch_uid="broadsheet_bake_record")
        # Instances a page reuses from the bake's memo were loaded once, by
        # another page; the record hears of them each time they are shown.
        on_reuse(lambda instance: note_instance(type(instance), instance))
        around_factories(paused)
        register_signal_handlers()

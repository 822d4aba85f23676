"""Files leave storage with the edition they belong to."""

from django.db import transaction
from django.db.models.signals import post_delete

from .models import PrintEdition


def delete_edition_files(sender, instance: PrintEdition, **kwargs) -> None:
    # After the commit: a rolled-back delete must still find its files.
    transaction.on_commit(instance._delete_files)


def register_signal_handlers() -> None:
    post_delete.connect(delete_edition_files, sender=PrintEdition, dispatch_uid="editions_delete_edition_files")

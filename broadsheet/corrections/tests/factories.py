"""Reader reports and correction notes, published through Wagtail as the admin's Publish button does."""

import contextlib
import datetime

import time_machine

from broadsheet.corrections.models import CorrectionNote, ErrorReport


def make_report(page, text: str = "the wrong figure", **fields) -> ErrorReport:
    fields.setdefault("context_before", "Before the passage, ")
    fields.setdefault("context_after", ", after the passage.")
    return ErrorReport.objects.create(page=page, selected_text=text, **fields)


def make_note(
    article,
    text: str = "An earlier version gave the wrong date.",
    published_at: datetime.datetime | None = None,
    user=None,
) -> CorrectionNote:
    """A published correction note, published at ``published_at`` (default: now)."""
    clock = time_machine.travel(published_at, tick=False) if published_at else contextlib.nullcontext()
    with clock:
        note = CorrectionNote.objects.create(page=article, text=text, live=False)
        note.save_revision(user=user).publish(user=user)
    note.refresh_from_db()
    return note

"""Reader error reports, the newsroom's correction notes, and the footer line.

An ``ErrorReport`` is what a reader sends: the passage they selected, a little
text either side of it to find it again, a comment and an optional e-mail.
Everything is stored as plain text and escaped wherever it is shown.

A ``CorrectionNote`` is what the newsroom publishes: a dated note at the foot
of the article and in the public corrections log. It is a Wagtail snippet with
revisions and a draft state, so every edit is kept in its history and a note is
public only once published (see wagtail_hooks: published notes cannot be
deleted).
"""

import hashlib
import re
import unicodedata

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import DraftStateMixin, RevisionMixin
from wagtail.search import index

from .querysets import CorrectionNoteQuerySet, ErrorReportQuerySet

WHITESPACE = re.compile(r"\s+")


def passage_key(page_id: int, text: str) -> str:
    """The same passage of the same page gets the same key, whatever the case or spacing."""
    normalised = WHITESPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip().casefold()
    return hashlib.sha256(f"{page_id}:{normalised}".encode()).hexdigest()[:32]


class ReportStatus(models.TextChoices):
    NEW = "new", "New"
    ACCEPTED = "accepted", "Accepted"
    REJECTED = "rejected", "Rejected"
    DUPLICATE = "duplicate", "Duplicate"
    FIXED = "fixed", "Fixed"


class ErrorReport(models.Model):
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="error_reports")
    page_url = models.CharField(max_length=500, blank=True, help_text="The address the reader was reading.")
    selected_text = models.TextField("passage", help_text="The words the reader thinks are wrong.")
    context_before = models.TextField(blank=True)
    context_after = models.TextField(blank=True)
    comment = models.TextField(blank=True)
    email = models.EmailField(blank=True, help_text="Given by the reader for a reply; never shown publicly.")
    status = models.CharField(max_length=16, choices=ReportStatus.choices, default=ReportStatus.NEW, db_index=True)
    passage_key = models.CharField(max_length=32, db_index=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    correction = models.ForeignKey(
        "corrections.CorrectionNote", null=True, blank=True, on_delete=models.SET_NULL, related_name="reports"
    )

    objects = ErrorReportQuerySet.as_manager()

    panels = [FieldPanel("status")]

    class Meta:
        verbose_name = "error report"
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        passage = WHITESPACE.sub(" ", self.selected_text).strip()
        return f"“{passage[:60]}{'…' if len(passage) > 60 else ''}”"

    def save(self, *args, **kwargs) -> None:
        self.passage_key = passage_key(self.page_id, self.selected_text)
        super().save(*args, **kwargs)

    def same_passage(self) -> "ErrorReportQuerySet":
        """Other readers' reports of this passage."""
        return ErrorReport.objects.filter(passage_key=self.passage_key).exclude(pk=self.pk)


class CorrectionNote(DraftStateMixin, RevisionMixin, index.Indexed, models.Model):
    page = models.ForeignKey("articles.ArticlePage", on_delete=models.CASCADE, related_name="correction_notes")
    text = models.TextField(
        max_length=2000,
        help_text="Plain text, shown after “Correction, <date> — <time>:” at the foot of the article.",
    )
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="correction_note")

    objects = CorrectionNoteQuerySet.as_manager()

    panels = [FieldPanel("page"), FieldPanel("text")]
    search_fields = [index.SearchField("text"), index.FilterField("live")]

    class Meta:
        verbose_name = "correction"
        permissions = [("publish_correctionnote", "Can publish correction")]

    def __str__(self) -> str:
        return f"Correction to “{self.page.title}”" if self.page_id else "Correction"

    @property
    def revisions(self):
        # Wagtail finds a model's revisions through this name.
        return self._revisions

    @property
    def was_amended(self) -> bool:
        """Published again after its first publication (readers see “amended”)."""
        if not self.first_published_at or not self.last_published_at:
            return False
        return (self.last_published_at - self.first_published_at).total_seconds() >= 60


@register_setting(icon="warning")
class CorrectionsSettings(BaseSiteSetting):
    footer_text = models.CharField(
        max_length=300,
        default="Spotted a mistake? Select it in the text and press Ctrl+Enter, or use “Report an error”.",
        help_text="The footer line telling readers how to report an error, in the site's language.",
    )

    panels = [FieldPanel("footer_text")]

    class Meta:
        verbose_name = "corrections"
        verbose_name_plural = "corrections"

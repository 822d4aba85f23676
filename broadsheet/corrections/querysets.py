"""What the public sees of corrections, and what the desk sees of reports, in one place each."""

from django.db import models
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce


class CorrectionNoteQuerySet(models.QuerySet):
    def published(self) -> "CorrectionNoteQuerySet":
        """Published notes on published, public articles: the corrections log and its feed."""
        from broadsheet.articles.models import ArticlePage

        return self.filter(live=True, first_published_at__isnull=False).filter(
            page__in=ArticlePage.objects.published().values("pk")
        )

    def on_page(self) -> "CorrectionNoteQuerySet":
        """The notes shown at the foot of an article, oldest first like the story's own updates."""
        return self.filter(live=True, first_published_at__isnull=False).order_by("first_published_at", "pk")

    def newest_first(self) -> "CorrectionNoteQuerySet":
        return self.order_by("-first_published_at", "-pk")


class ErrorReportQuerySet(models.QuerySet):
    def new(self) -> "ErrorReportQuerySet":
        return self.filter(status="new")

    def with_passage_counts(self) -> "ErrorReportQuerySet":
        """Each report with ``passage_reports``: how many reports (itself included) name its passage."""
        same = (
            self.model.objects.filter(passage_key=OuterRef("passage_key"))
            .order_by()
            .values("passage_key")
            .annotate(total=Count("pk"))
            .values("total")
        )
        return self.annotate(passage_reports=Coalesce(Subquery(same), 1))

"""The desk's side in Wagtail's admin: the report queue and publishing a correction from a report.

The queue is a ModelViewSet (see wagtail_hooks): a list filterable by status,
article and passage, and an edit view that shows the passage highlighted in
its context, the other reports of the same passage, and a form that publishes
a correction note for the article in one step.
"""

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.html import format_html
from django.views.decorators.http import require_POST
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views import generic
from wagtail.models import Page
from wagtail.permission_policies import ModelPermissionPolicy

from broadsheet.articles.models import ArticlePage

from .models import CorrectionNote, ErrorReport, ReportStatus

note_permissions = ModelPermissionPolicy(CorrectionNote)


class ReportPermissionPolicy(ModelPermissionPolicy):
    """Reports come from readers only: nobody adds or copies one in the admin."""

    def user_has_permission(self, user, action: str) -> bool:
        if action in {"add", "copy"}:
            return False
        return super().user_has_permission(user, action)


def pages_with_reports(request: HttpRequest):
    return Page.objects.filter(pk__in=ErrorReport.objects.values("page_id")).order_by("title")


class ErrorReportFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(choices=ReportStatus.choices, empty_label="Any status")
    page = django_filters.ModelChoiceFilter(label="Article", queryset=pages_with_reports, empty_label="Any article")
    passage_key = django_filters.CharFilter(label="Same passage as", widget=forms.HiddenInput)

    class Meta:
        model = ErrorReport
        fields = ["status", "page", "passage_key"]


class PassageColumn(TitleColumn):
    """The passage, linking to the report."""

    def get_value(self, instance: ErrorReport) -> str:
        return str(instance)


class SamePassageColumn(Column):
    """How many reports name this passage, linking to them all."""

    def __init__(self, name: str, **kwargs) -> None:
        super().__init__(name, label="Reports of this passage", **kwargs)

    def get_value(self, instance: ErrorReport):
        count = getattr(instance, "passage_reports", 1)
        if count <= 1:
            return "1"
        url = reverse("corrections_errorreport:index") + f"?passage_key={instance.passage_key}"
        return format_html('<a href="{}">{} reports</a>', url, count)


class ErrorReportIndexView(generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("page").with_passage_counts()


class PublishCorrectionForm(forms.Form):
    text = forms.CharField(
        label="Correction note",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Readers see “Correction, <date> — <time>: ” and then this text, at the foot of the article.",
    )


class ErrorReportEditView(generic.EditView):
    template_name = "corrections/admin/report_edit.html"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        report: ErrorReport = self.object
        article = ArticlePage.objects.filter(pk=report.page_id).first()
        context.update(
            report=report,
            same_passage=report.same_passage().order_by("-created_at")[:50],
            article=article,
            edit_page_url=reverse("wagtailadmin_pages:edit", args=[report.page_id]),
            notes=CorrectionNote.objects.filter(page_id=report.page_id).order_by("-pk") if article else [],
            can_publish_correction=article is not None
            and note_permissions.user_has_permission(self.request.user, "publish"),
            correction_form=PublishCorrectionForm(),
            publish_correction_url=reverse("corrections_publish_from_report", args=[report.pk]),
        )
        return context


@require_POST
def publish_correction_from_report(request: HttpRequest, report_id: int) -> HttpResponse:
    """Publish a correction note on the report's article; this report and its passage's reports become fixed."""
    if not note_permissions.user_has_permission(request.user, "publish"):
        raise PermissionDenied
    report = get_object_or_404(ErrorReport, pk=report_id)
    article = get_object_or_404(ArticlePage, pk=report.page_id)
    form = PublishCorrectionForm(request.POST)
    edit_url = reverse("corrections_errorreport:edit", args=[report.pk])
    if not form.is_valid():
        for error in form.errors.get("text", []):
            messages.error(request, f"The correction was not published: {error}")
        return redirect(edit_url)
    with transaction.atomic():
        note = CorrectionNote(page=article, text=form.cleaned_data["text"], live=False)
        note.save()
        note.save_revision(user=request.user, log_action=True).publish(user=request.user)
        reports = ErrorReport.objects.filter(pk=report.pk) | report.same_passage().filter(
            status__in=[ReportStatus.NEW, ReportStatus.ACCEPTED, ReportStatus.DUPLICATE]
        )
        reports.update(status=ReportStatus.FIXED, correction=note)
    messages.success(request, f"Correction published on “{article.title}”.")
    return redirect(edit_url)

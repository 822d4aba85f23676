"""The corrections desk in Wagtail's admin: “Error reports” (with the count of new ones) and “Corrections”.

Permissions (Django model permissions, granted to Wagtail's groups by migration 0002):
- triage reports: ``corrections.view_errorreport`` + ``corrections.change_errorreport``;
- write correction notes: ``corrections.add_correctionnote`` + ``change_correctionnote``;
- publish them (also from a report, in one step): ``corrections.publish_correctionnote``.
Nobody adds reports in the admin, and a note that was ever published cannot be
deleted, even by a superuser: it is edited, and every edit is kept as a revision.
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .admin_views import (
    ErrorReportEditView,
    ErrorReportFilterSet,
    ErrorReportIndexView,
    PassageColumn,
    ReportPermissionPolicy,
    SamePassageColumn,
    publish_correction_from_report,
)
from .models import CorrectionNote, ErrorReport


class ErrorReportViewSet(ModelViewSet):
    model = ErrorReport
    icon = "warning"
    menu_label = "Error reports"
    menu_order = 250
    add_to_admin_menu = True
    index_view_class = ErrorReportIndexView
    edit_view_class = ErrorReportEditView
    filterset_class = ErrorReportFilterSet
    form_fields = ["status"]
    copy_view_enabled = False
    list_per_page = 50
    search_fields = ["selected_text", "comment"]

    @cached_property
    def permission_policy(self):
        return ReportPermissionPolicy(self.model)

    @cached_property
    def list_display(self) -> list:
        return [
            PassageColumn("selected_text", label="Passage", url_name=self.get_url_name("edit")),
            Column("page", label="Article"),
            Column("get_status_display", label="Status"),
            SamePassageColumn("passage_reports"),
            DateColumn("created_at", label="Received"),
        ]

    @cached_property
    def menu_item_class(self):
        base = super().menu_item_class

        class ErrorReportMenuItem(base):
            """“Error reports (3)”: the count of new reports, read when the menu is drawn."""

            def render_component(self, request) -> Component:
                component = super().render_component(request)
                new = ErrorReport.objects.new().count()
                if new:
                    component.label = f"{self.label} ({new} new)"
                return component

        return ErrorReportMenuItem


class CorrectionNoteViewSet(SnippetViewSet):
    model = CorrectionNote
    icon = "edit"
    menu_label = "Corrections"
    menu_order = 251
    add_to_admin_menu = True
    list_display = ["__str__", "text", "first_published_at", "live"]
    list_filter = ["live"]
    search_fields = ["text"]
    copy_view_enabled = False


error_report_viewset = ErrorReportViewSet("corrections_errorreport")


@hooks.register("register_admin_viewset")
def register_error_report_viewset():
    return error_report_viewset


register_snippet(CorrectionNoteViewSet)


@hooks.register("register_admin_urls")
def register_publish_from_report_url():
    return [
        path(
            "corrections/reports/<int:report_id>/publish-correction/",
            publish_correction_from_report,
            name="corrections_publish_from_report",
        )
    ]


@hooks.register("before_delete_snippet")
def refuse_deleting_published_corrections(request, instances):
    published = [note for note in instances if isinstance(note, CorrectionNote) and note.first_published_at]
    if published:
        messages.error(
            request,
            "A published correction cannot be deleted: edit it instead (its history keeps every version).",
        )
        return redirect(reverse("wagtailsnippets_corrections_correctionnote:list"))
    return None

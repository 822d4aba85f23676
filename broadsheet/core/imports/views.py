"""The admin flow of a CSV import: upload → preview with per-row errors → confirm.

Nothing is stored until the editor confirms. The preview does not keep the
upload on the server: the confirm form carries the file back, signed (so it
cannot be swapped between preview and confirm) and time-limited. Confirming
validates every row again and saves all of them in one transaction or none.
Sessions or temporary files would need cleaning up and would tie the two
steps to one server.
"""

import base64

from django.contrib import messages
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views import View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .forms import UploadForm
from .importer import CsvFileError, CsvImporter, ImportPreview

#: How long a preview may wait for its confirmation.
PREVIEW_MAX_AGE = 60 * 60


def sign_upload(importer: CsvImporter, data: bytes) -> str:
    return signing.dumps(base64.b64encode(data).decode("ascii"), salt=salt(importer), compress=True)


def unsign_upload(importer: CsvImporter, payload: str) -> bytes:
    return base64.b64decode(signing.loads(payload, salt=salt(importer), max_age=PREVIEW_MAX_AGE))


def salt(importer: CsvImporter) -> str:
    return f"broadsheet.core.imports:{importer.slug}"


class CsvImportView(WagtailAdminTemplateMixin, View):
    """Upload (GET, POST with ``file``) and confirm (POST with ``payload``) for one importer."""

    importer_class: type[CsvImporter] | None = None
    header_icon = "upload"
    template_name = "core/imports/import.html"

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        self.importer = self.importer_class()
        if self.importer.permission and not request.user.has_perm(self.importer.permission):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self) -> str:
        return f"Import {self.importer.verbose_name}"

    def get_breadcrumbs_items(self) -> list[dict]:
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]

    def get(self, request: HttpRequest) -> HttpResponse:
        return self.render_page(UploadForm(max_bytes=self.importer.max_bytes))

    def post(self, request: HttpRequest) -> HttpResponse:
        if "payload" in request.POST:
            return self.confirm(request)
        form = UploadForm(request.POST, request.FILES, max_bytes=self.importer.max_bytes)
        if not form.is_valid():
            return self.render_page(form, status=400)
        data = form.cleaned_data["file"].read()
        try:
            preview = self.importer.preview(data)
        except CsvFileError as error:
            form.add_error("file", str(error))
            return self.render_page(form, status=400)
        payload = sign_upload(self.importer, data) if preview.is_valid else ""
        return self.render_page(
            UploadForm(max_bytes=self.importer.max_bytes),
            preview=preview,
            payload=payload,
            status=200 if preview.is_valid else 400,
        )

    def confirm(self, request: HttpRequest) -> HttpResponse:
        upload_form = UploadForm(max_bytes=self.importer.max_bytes)
        try:
            data = unsign_upload(self.importer, request.POST["payload"])
        except (signing.BadSignature, ValueError):
            upload_form.errors_before = "The preview has expired or was altered. Upload the file again."
            return self.render_page(upload_form, status=400)
        try:
            preview = self.importer.run(data)
        except CsvFileError as error:  # only if the importer's rules changed in between
            upload_form.errors_before = str(error)
            return self.render_page(upload_form, status=400)
        if not preview.is_valid:
            # The database changed since the preview: show the rows again, save nothing.
            return self.render_page(upload_form, preview=preview, status=400)
        messages.success(
            request,
            f"Imported {len(preview.rows)} {self.importer.verbose_name}: "
            f"{preview.count('create')} new, {preview.count('update')} updated.",
        )
        return redirect(request.path)

    def render_page(
        self, form: UploadForm, preview: ImportPreview | None = None, payload: str = "", status: int = 200
    ) -> HttpResponse:
        context = self.get_context_data(
            form=form,
            preview=preview,
            payload=payload,
            importer=self.importer,
            template_url=reverse(f"csv_import_{self.importer.slug}_template"),
        )
        return TemplateResponse(self.request, self.template_name, context, status=status)


def template_csv_view(importer_class: type[CsvImporter]):
    """A download of the importer's header and example row."""

    def view(request: HttpRequest) -> HttpResponse:
        importer = importer_class()
        if importer.permission and not request.user.has_perm(importer.permission):
            raise PermissionDenied
        response = HttpResponse(importer.template_csv(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{importer.slug}-template.csv"'
        return response

    return view

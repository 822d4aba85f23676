"""The reader's side: the report endpoint and its plain form, under the dynamic ``/report-error/`` prefix.

``POST /report-error/`` takes JSON from the dialog's script and form-encoded
data from the no-JavaScript form; ``GET /report-error/?page=<id or address>``
shows that form. Nothing under this prefix is baked. See ``protection`` for
why the view is ``csrf_exempt`` and what guards it instead.

Every refusal is a 4xx with a message a reader can act on, and stores
nothing. The script keeps what the reader typed whatever the answer; the
plain form is shown again with it.
"""

import json
import logging
from urllib.parse import parse_qsl, urlsplit

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods
from wagtail.models import Page

from .forms import FIELDS, ReportForm
from .models import ErrorReport
from .protection import RateLimit, client_address, origin_of, same_origin_problem, trusted_origins
from .tasks import notify_desk

logger = logging.getLogger("broadsheet.corrections")

JSON_TYPE = "application/json"
FORM_TYPE = "application/x-www-form-urlencoded"
MAX_PAGE_ID_DIGITS = 12


class Refusal(Exception):
    """A report that cannot be accepted: the status, a message for the reader and per-field errors."""

    def __init__(self, status: int, message: str, errors: dict | None = None, headers: dict | None = None) -> None:
        super().__init__(message)
        self.status, self.message, self.errors, self.headers = status, message, errors or {}, headers or {}


def max_body_bytes() -> int:
    return getattr(settings, "BROADSHEET_CORRECTIONS_MAX_BODY", 16 * 1024)


def find_public_page(request: HttpRequest, value: str) -> Page | None:
    """The live, public page named by an id or by its address on this site."""
    value = value.strip()
    public = Page.objects.live().public()
    if value.isascii() and value.isdigit():
        if len(value) > MAX_PAGE_ID_DIGITS:
            return None
        return public.filter(pk=int(value)).first()
    origin = origin_of(value)
    if origin is not None and origin not in trusted_origins(request):
        return None
    path = urlsplit(value).path
    if not path.startswith("/"):
        return None
    page = Page.find_for_request(request, path)
    if page is None or not public.filter(pk=page.pk).exists():
        return None
    return page


def read_submission(request: HttpRequest) -> tuple[dict, bool]:
    """The submitted fields as text, and whether they came as JSON."""
    content_type = request.content_type or ""
    declared = request.META.get("CONTENT_LENGTH") or "0"
    if not declared.isdigit() or int(declared) > max_body_bytes():
        raise Refusal(413, f"The report is too large: at most {max_body_bytes() // 1024} KB.")
    # Read from the stream ourselves: nothing else may parse the body first.
    body = request.read(max_body_bytes() + 1)
    if len(body) > max_body_bytes():
        raise Refusal(413, f"The report is too large: at most {max_body_bytes() // 1024} KB.")
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise Refusal(400, "The report is not valid UTF-8 text.") from error
    if content_type == JSON_TYPE:
        try:
            data = json.loads(text)
        except ValueError as error:
            raise Refusal(400, "The report is not valid JSON.") from error
        if not isinstance(data, dict):
            raise Refusal(400, "The report must be a JSON object of fields.")
        not_text = sorted(name for name, value in data.items() if name in FIELDS and not isinstance(value, str))
        if not_text:
            raise Refusal(400, "Every field must be text.", {name: ["Must be text."] for name in not_text})
        return {name: data[name] for name in FIELDS if name in data}, True
    if content_type == FORM_TYPE:
        try:
            pairs = parse_qsl(text, keep_blank_values=True, encoding="utf-8", errors="strict")
        except UnicodeDecodeError as error:
            raise Refusal(400, "The report is not valid UTF-8 text.") from error
        return {name: value for name, value in pairs if name in FIELDS}, False
    raise Refusal(415, "Send the report as a form or as JSON.")


def accept_report(request: HttpRequest, data: dict) -> ErrorReport:
    form = ReportForm(data)
    if not form.is_valid():
        errors = {name: [str(message) for message in messages] for name, messages in form.errors.items()}
        first = next(iter(errors.values()))[0]
        raise Refusal(400, first, errors)
    fields = form.cleaned_data
    page = find_public_page(request, fields["page"])
    if page is None:
        raise Refusal(
            404, "The page you are reporting on does not exist or is not public.", {"page": ["Unknown page."]}
        )
    report = ErrorReport.objects.create(
        page=page,
        page_url=fields["url"] or page.url or "",
        selected_text=fields["text"],
        context_before=fields["before"],
        context_after=fields["after"],
        comment=fields["comment"],
        email=fields["email"],
    )
    transaction.on_commit(lambda: notify_desk.enqueue(report.pk))
    logger.info("Error report %s received on page %s", report.pk, page.pk)
    return report


def refuse(request: HttpRequest, refusal: Refusal, as_json: bool, data: dict) -> HttpResponse:
    if as_json:
        response = JsonResponse({"ok": False, "message": refusal.message, "errors": refusal.errors})
    else:
        response = render_form(request, data, refusal.message, refusal.errors, data.get("page", ""))
    response.status_code = refusal.status
    for name, value in refusal.headers.items():
        response[name] = value
    return response


@never_cache
@csrf_exempt
@require_http_methods(["GET", "POST"])
def report_error(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        return show_form(request)
    as_json = request.content_type == JSON_TYPE or JSON_TYPE in request.headers.get("Accept", "")
    data: dict = {}
    try:
        retry_after = RateLimit.from_settings().hit(client_address(request))
        if retry_after is not None:
            raise Refusal(
                429,
                f"Too many reports from your connection; please try again in {retry_after} seconds.",
                headers={"Retry-After": str(retry_after)},
            )
        problem = same_origin_problem(request)
        if problem:
            raise Refusal(403, problem)
        data, as_json = read_submission(request)
        report = accept_report(request, data)
    except Refusal as refusal:
        if not data and not as_json:
            # Refused before reading (flood, origin): the plain form still gets back what was typed.
            try:
                data, _ = read_submission(request)
            except Refusal:
                pass
        return refuse(request, refusal, as_json, data)
    if as_json:
        return JsonResponse({"ok": True, "message": "Thank you: the newsroom has your report."}, status=201)
    return redirect(reverse("corrections:report-sent") + f"?page={report.page_id}", permanent=False)


def render_form(
    request: HttpRequest, data: dict, message: str = "", errors: dict | None = None, page_value: str = ""
) -> HttpResponse:
    page = find_public_page(request, page_value) if page_value else None
    context = {
        "form_data": data,
        "message": message,
        "errors": errors or {},
        "reported_page": page,
        "page_value": page_value,
        "action": reverse("corrections:report"),
    }
    return render(request, "corrections/report_form.html", context)


def show_form(request: HttpRequest) -> HttpResponse:
    page_value = request.GET.get("page", "")
    page = find_public_page(request, page_value) if page_value else None
    if page is None:
        response = render_form(request, {}, "Which page? Follow “Report an error” from the page with the mistake.")
        response.status_code = 404
        return response
    return render_form(request, {"page": str(page.pk)}, page_value=str(page.pk))


@never_cache
@require_GET
def report_sent(request: HttpRequest) -> HttpResponse:
    page_value = request.GET.get("page", "")
    page = find_public_page(request, page_value) if page_value else None
    return render(request, "corrections/report_sent.html", {"reported_page": page})

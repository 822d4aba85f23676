"""The public corrections log, ``/corrections/`` (newest first, paginated like every list)."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from broadsheet.core.pagination import paginate_newest_first, parse_page_number

from .models import CorrectionNote


def corrections_log(request: HttpRequest, number: str | None = None) -> HttpResponse:
    notes = CorrectionNote.objects.published().newest_first().select_related("page")
    listing = paginate_newest_first(
        notes, parse_page_number(number), settings.BROADSHEET_PAGE_SIZE, reverse("corrections:log")
    )
    return render(request, "corrections/corrections_log.html", {"listing": listing})

"""The city guide's views outside the page tree.

``jump_to_date`` is the one dynamic view: the no-JS date picker's redirect.

Listings are baked to static files, so the date form cannot be answered by
the baked page itself: it submits ``?date=YYYY-MM-DD`` to this view (under
the never-baked ``/jump/`` prefix), which answers with a redirect to the
baked ``/city-guide/YYYY/MM/DD/``.
"""

import datetime

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect
from django.utils.html import escape
from django.views.decorators.http import require_GET
from wagtail.models import Site
from wagtail.views import serve

from .models import ListingsIndexPage
from .models.index import FIRST_YEAR, LAST_YEAR


@require_GET
def jump_to_date(request: HttpRequest) -> HttpResponse:
    site = Site.find_for_request(request)
    guides = ListingsIndexPage.objects.live().public()
    guide = (guides.descendant_of(site.root_page) if site else guides).first()
    if guide is None:
        raise Http404("No city guide")
    raw = request.GET.get("date", "")
    try:
        day = datetime.date.fromisoformat(raw)
    except ValueError:
        day = None
    if day is None or len(raw) != 10 or not FIRST_YEAR <= day.year <= LAST_YEAR:
        return HttpResponseBadRequest(
            f"<!doctype html><title>Not a date</title><p>“{escape(raw[:40])}” is not a date (YYYY-MM-DD). "
            f'<a href="{escape(guide.get_url(request))}">Back to the city guide</a></p>',
            content_type="text/html; charset=utf-8",
        )
    return redirect(guide.date_url(day, request))


def serve_calendar_file(request: HttpRequest, path: str) -> HttpResponse:
    """An ``.ics`` URL, answered by the routable page it belongs to (see urls)."""
    return serve(request, path)

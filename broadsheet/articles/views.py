"""Date archives: every story first published on a day or in a month, across sections."""

import datetime

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from broadsheet.core.pagination import paginate_newest_first, parse_page_number

from .models import ArticlePage


def local_midnight(day: datetime.date) -> datetime.datetime:
    """The start of ``day`` in the site's time zone (activated per request), DST-safe."""
    return datetime.datetime(day.year, day.month, day.day, tzinfo=timezone.get_current_timezone())


def archive_range(year: str, month: str, day: str | None) -> tuple[datetime.date, datetime.date]:
    try:
        if day is None:
            start = datetime.date(int(year), int(month), 1)
            end = datetime.date(start.year + start.month // 12, start.month % 12 + 1, 1)
        else:
            start = datetime.date(int(year), int(month), int(day))
            end = start + datetime.timedelta(days=1)
    except (ValueError, OverflowError) as error:
        raise Http404("No such date") from error
    return start, end


def date_archive(
    request: HttpRequest, year: str, month: str, day: str | None = None, number: str | None = None
) -> HttpResponse:
    start, end = archive_range(year, month, day)
    articles = ArticlePage.objects.published().filter(
        first_published_at__gte=local_midnight(start), first_published_at__lt=local_midnight(end)
    )
    if day is None:
        base_url = reverse("articles:month", kwargs={"year": year, "month": month})
    else:
        base_url = reverse("articles:day", kwargs={"year": year, "month": month, "day": day})
    listing = paginate_newest_first(
        articles.for_teasers(), parse_page_number(number), settings.BROADSHEET_PAGE_SIZE, base_url
    )
    context = {"listing": listing, "archive_start": start, "is_day": day is not None}
    return render(request, "articles/date_archive.html", context)

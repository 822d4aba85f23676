"""Which events a listing shows, in one place for pages, feeds and baking.

The publication rule (live, not behind a view restriction) and the order
(editor's picks first, then by the first date in the window) live here so
that every list, calendar feed and the bake list agree.
"""

import datetime
from collections import defaultdict

from django.db.models import OuterRef, Prefetch, Q, Subquery
from django.db.models.query import QuerySet
from wagtail.images import get_image_model

from broadsheet.images.renditions import TEASER_IMAGE_SPECS

from .models import EventPage, Occurrence

#: Dates shown per event in a list; the event page has the rest.
TEASER_DATES = 4


def overlapping(start: datetime.datetime, end: datetime.datetime | None, prefix: str = "") -> Q:
    """Occurrences overlapping [start, end): ending after the start, starting before the end."""
    condition = Q(**{f"{prefix}ends_at__gt": start})
    if end is not None:
        condition &= Q(**{f"{prefix}starts_at__lt": end})
    return condition


def published_events() -> QuerySet:
    return EventPage.objects.live().public()


def events_between(start: datetime.datetime, end: datetime.datetime | None, base: QuerySet | None = None) -> QuerySet:
    """Published events with a date in [start, end), picks first, then by their first date there."""
    first_date = Occurrence.objects.filter(overlapping(start, end), event=OuterRef("pk")).order_by("starts_at")
    events = base if base is not None else published_events()
    image_queryset = get_image_model().objects.prefetch_renditions(*TEASER_IMAGE_SPECS)
    return (
        events.annotate(first_start=Subquery(first_date.values("starts_at")[:1]))
        .filter(first_start__isnull=False)
        .select_related("venue", "category")
        .prefetch_related(Prefetch("image", queryset=image_queryset))
        .order_by("-editors_pick", "first_start", "pk")
    )


def attach_dates(events: list, start: datetime.datetime, end: datetime.datetime | None) -> None:
    """Give each event ``window_dates``: its occurrences in the window, in one query for the list."""
    by_event = defaultdict(list)
    occurrences = Occurrence.objects.filter(overlapping(start, end), event__in=[e.pk for e in events]).order_by(
        "starts_at"
    )
    for occurrence in occurrences:
        by_event[occurrence.event_id].append(occurrence)
    for event in events:
        dates = by_event[event.pk]
        event.window_dates = dates[:TEASER_DATES]
        event.more_dates = max(0, len(dates) - TEASER_DATES)

"""iCalendar (RFC 5545) files: one per event, and feeds calendar apps subscribe to.

Written here rather than with a library: the output is a few properties per
event, and the rules that matter fit in this module: CRLF line ends, lines
folded at 75 octets (never inside a UTF-8 character), TEXT values escaped
(backslash, semicolon, comma, newline), times in UTC (``...Z``, so no
VTIMEZONE is needed and no calendar app guesses a zone), a DTSTAMP, a
PRODID, and a UID per occurrence that stays the same across rebuilds and
rebakes: the event's page id and the occurrence's start.
"""

import datetime
from collections.abc import Iterable
from urllib.parse import urlsplit

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from wagtail.rich_text import get_text_for_indexing

PRODID = "-//Broadsheet//City guide//EN"
LINE_OCTETS = 75
#: How far back a subscribed feed keeps past dates (calendar apps drop vanished ones).
FEED_KEEPS_PAST = datetime.timedelta(days=30)
FEED_MAX_EVENTS = 2000
FEED_REFRESH = "PT12H"


def escape_text(value: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma escaped; newlines as \\n."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """Fold a content line into chunks of at most 75 octets, continuation lines starting with a space."""
    chunks, current, size = [], [], 0
    for char in line:
        width = len(char.encode("utf-8"))
        limit = LINE_OCTETS if not chunks else LINE_OCTETS - 1
        if size + width > limit:
            chunks.append("".join(current))
            current, size = [], 0
        current.append(char)
        size += width
    chunks.append("".join(current))
    return "\r\n ".join(chunks)


def utc_stamp(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def prop(name: str, value: str) -> str:
    return fold(f"{name}:{value}")


def event_components(event, occurrences: Iterable, request: HttpRequest | None = None) -> list[str]:
    """Content lines of one VEVENT per occurrence of ``event``."""
    site_id, root_url, _ = event.get_url_parts(request) or (None, "", "")
    url = event.get_full_url(request)
    host = urlsplit(root_url).hostname or "broadsheet.invalid"
    stamp = utc_stamp(event.last_published_at or event.latest_revision_created_at or timezone.now())
    venue = event.venue
    description = get_text_for_indexing(event.description or "").strip()
    if event.admission:
        description = f"{description}\n\n{event.admission}".strip()
    description = f"{description}\n\n{url}".strip()
    lines = []
    for occurrence in occurrences:
        lines += [
            "BEGIN:VEVENT",
            prop("UID", f"event-{event.pk}-{utc_stamp(occurrence.starts_at)}@{host}"),
            prop("DTSTAMP", stamp),
            prop("LAST-MODIFIED", stamp),
            prop("DTSTART", utc_stamp(occurrence.starts_at)),
            prop("DTEND", utc_stamp(occurrence.ends_at)),
            prop("SUMMARY", escape_text(event.title)),
            prop("DESCRIPTION", escape_text(description)),
            prop("LOCATION", escape_text(f"{venue.name}, {venue.full_address()}")),
            prop("CATEGORIES", escape_text(event.category.name)),
            prop("URL", url),
            "STATUS:CONFIRMED",
            "TRANSP:OPAQUE",
        ]
        if venue.has_coordinates:
            lines.insert(-2, prop("GEO", f"{venue.latitude:f};{venue.longitude:f}"))
        lines.append("END:VEVENT")
    return lines


def calendar(name: str, components: list[str], subscribable: bool = False) -> str:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", prop("PRODID", PRODID), "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
    lines.append(prop("X-WR-CALNAME", escape_text(name)))
    if subscribable:
        lines += [f"REFRESH-INTERVAL;VALUE=DURATION:{FEED_REFRESH}", f"X-PUBLISHED-TTL:{FEED_REFRESH}"]
    lines += components
    lines.append("END:VCALENDAR")
    return "\r\n".join(lines) + "\r\n"


def calendar_response(
    components: list[str], name: str, filename: str | None = None, subscribable: bool = False
) -> HttpResponse:
    response = HttpResponse(calendar(name, components, subscribable), content_type="text/calendar; charset=utf-8")
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def feed_response(index, request: HttpRequest, category=None) -> HttpResponse:
    """Every date still to come (and the last month's) of the guide's events, or one category's."""
    from .models import Occurrence
    from .querysets import published_events

    events = published_events().descendant_of(index)
    if category is not None:
        events = events.filter(category=category)
    occurrences = (
        Occurrence.objects.filter(event__in=events, ends_at__gt=timezone.now() - FEED_KEEPS_PAST)
        .select_related("event", "event__venue", "event__category")
        .order_by("starts_at", "pk")[:FEED_MAX_EVENTS]
    )
    by_event: dict[int, tuple] = {}
    for occurrence in occurrences:
        by_event.setdefault(occurrence.event_id, (occurrence.event, []))[1].append(occurrence)
    components = []
    for event, dates in by_event.values():
        components += event_components(event, dates, request)
    site_name = index.get_site().site_name or index.title
    name = f"{site_name}: {category.name}" if category else f"{site_name}: {index.title}"
    return calendar_response(components, name, subscribable=True)

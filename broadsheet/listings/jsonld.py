"""schema.org Event data for an event page, one Event per upcoming date.

Search engines read one ``Event`` per date (a repeating show is several
events to them). A past event keeps its last date, so its page still
describes what it was.
"""

import json

from django.http import HttpRequest
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.safestring import SafeString, mark_safe

IMAGE_SPEC = "fill-1200x675"
DESCRIPTION_CHARS = 500
# What may not appear raw inside <script>: "</script>" and HTML comments.
SCRIPT_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def place(venue) -> dict:
    data = {
        "@type": "Place",
        "name": venue.name,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": venue.address,
            "addressLocality": venue.city,
            **({"addressRegion": venue.district} if venue.district else {}),
        },
    }
    if venue.has_coordinates:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(venue.latitude),
            "longitude": float(venue.longitude),
        }
    if venue.website:
        data["url"] = venue.website
    return data


def offer(event, url: str) -> dict:
    data = {"@type": "Offer", "url": event.tickets_url or url}
    if event.price:
        data["description"] = event.price
    return data


def event_data(event, occurrences: list, request: HttpRequest | None) -> list[dict]:
    url = event.get_full_url(request)
    base = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "url": url,
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": place(event.venue),
        "isAccessibleForFree": event.is_free,
        "offers": offer(event, url),
    }
    text = " ".join(strip_tags(event.description or "").split())
    if text:
        base["description"] = text[:DESCRIPTION_CHARS]
    if event.age_rating:
        base["typicalAgeRange"] = event.age_rating.replace("+", "-")
    if event.image:
        rendition = event.image.get_rendition(IMAGE_SPEC)
        base["image"] = [request.build_absolute_uri(rendition.url) if request else rendition.url]
    if not occurrences:
        last = event.occurrences.order_by("-starts_at").first() if event.pk else None
        occurrences = [last] if last else []
    return [
        {
            **base,
            "startDate": timezone.localtime(occurrence.starts_at).isoformat(),
            "endDate": timezone.localtime(occurrence.ends_at).isoformat(),
        }
        for occurrence in occurrences
    ]


def event_jsonld(event, occurrences: list, request: HttpRequest | None) -> SafeString:
    """The JSON for a ``<script type="application/ld+json">``, safe to place inside it."""
    data = event_data(event, occurrences, request)
    payload = data[0] if len(data) == 1 else data
    return mark_safe(json.dumps(payload, ensure_ascii=False).translate(SCRIPT_ESCAPES))

"""The city guide's models, split by concern (venues, events, the index page)."""

from .events import AgeRating, EventDate, EventPage, EventSchedule, Occurrence
from .index import ListingsIndexPage
from .venues import EventCategory, Venue

__all__ = [
    "AgeRating",
    "EventCategory",
    "EventDate",
    "EventPage",
    "EventSchedule",
    "ListingsIndexPage",
    "Occurrence",
    "Venue",
]

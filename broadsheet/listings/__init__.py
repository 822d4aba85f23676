"""Venues, events and their occurrences, and iCalendar output."""

"""City guide URLs outside Wagtail's page routing, included at the site's root.

- ``/jump/listings/date/?date=YYYY-MM-DD``: the no-JS date picker's redirect
  (dynamic, never baked).
- ``/<page path>/<name>.ics``: calendar files of routable pages (an event's
  ``event.ics``, the guide's ``calendar.ics`` and each category's). Wagtail
  serves only paths ending in "/", so these are handed to its own serve view,
  page hooks and view restrictions included; the pages' routes see
  ``<name>.ics/``.
"""

from django.urls import path, re_path

from . import views

app_name = "listings"

urlpatterns = [
    path("jump/listings/date/", views.jump_to_date, name="date"),
    re_path(r"^(?P<path>(?:[\w\-]+/)+[\w\-]+\.ics)$", views.serve_calendar_file, name="calendar-file"),
]

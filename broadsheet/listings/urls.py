"""Dynamic city guide URLs, included under ``/jump/listings/`` (never baked)."""

from django.urls import path

from . import views

app_name = "listings"

urlpatterns = [path("date/", views.jump_to_date, name="date")]

from django.urls import path

from . import views

app_name = "publishing"

urlpatterns = [
    path("ticker.html", views.ticker_fragment, name="ticker-fragment"),
]

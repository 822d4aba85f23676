from django.urls import re_path

from . import views

app_name = "articles"

YEAR_MONTH = r"^(?P<year>\d{4})/(?P<month>\d{2})/"
DAY = r"(?P<day>\d{2})/"
PAGE = r"page/(?P<number>[^/]+)/"

urlpatterns = [
    re_path(YEAR_MONTH + r"$", views.date_archive, name="month"),
    re_path(YEAR_MONTH + PAGE + r"$", views.date_archive, name="month-page"),
    re_path(YEAR_MONTH + DAY + r"$", views.date_archive, name="day"),
    re_path(YEAR_MONTH + DAY + PAGE + r"$", views.date_archive, name="day-page"),
]

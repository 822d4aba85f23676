from django.urls import path, re_path

from broadsheet.feeds.generators import RssFeed

from . import log, views
from .feeds import CorrectionsFeed

app_name = "corrections"

urlpatterns = [
    # Dynamic, never baked.
    path("report-error/", views.report_error, name="report"),
    path("report-error/sent/", views.report_sent, name="report-sent"),
    # Public and baked.
    path("corrections/", log.corrections_log, name="log"),
    re_path(r"^corrections/page/(?P<number>[^/]+)/$", log.corrections_log, name="log-page"),
    path("corrections/rss.xml", CorrectionsFeed(RssFeed), name="feed"),
]

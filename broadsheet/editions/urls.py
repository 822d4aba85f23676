"""Print editions, their feed, "Where to find us", and the filter's dynamic jump.

Included at the site's root so that one line in ``broadsheet/urls.py``
serves all three prefixes. Years and issue numbers are matched as digits of
a bounded length, so an absurd number is a 404, never a database error.
"""

from django.urls import path, re_path

from . import views
from .feeds import EditionFeed

app_name = "editions"

YEAR = r"(?P<year>[12]\d{3})"
NUMBER = r"(?P<number>[1-9]\d{0,8})"
KIND = r"(?P<kind>[-a-z]{1,32})"

urlpatterns = [
    path("editions/", views.edition_archive, name="archive"),
    path("editions/rss.xml", EditionFeed(), name="feed"),
    re_path(rf"^editions/{YEAR}/$", views.edition_year, name="year"),
    re_path(rf"^editions/{YEAR}/{NUMBER}/$", views.edition_page, name="edition"),
    path("where-to-find/", views.where_to_find, name="where-to-find"),
    re_path(rf"^where-to-find/kind/{KIND}/$", views.where_to_find, name="where-to-find-everywhere"),
    path("where-to-find/<slug:city>/", views.where_to_find, name="where-to-find-city"),
    re_path(rf"^where-to-find/(?P<city>[-a-zA-Z0-9_]+)/{KIND}/$", views.where_to_find, name="where-to-find-kind"),
    # Dynamic, never baked: turns the no-JS filter form's query string into a baked address.
    path("jump/where-to-find/", views.jump_to_where_to_find, name="jump-where-to-find"),
]

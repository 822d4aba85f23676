"""Sitemaps, robots.txt and the drawn default pictures; every address ends in its file type."""

from django.urls import path, re_path

from broadsheet.articles.sitemaps import NewsSitemap
from broadsheet.editions.sitemaps import PrintSitemap
from broadsheet.people.sitemaps import PersonSitemap
from broadsheet.sections.sitemaps import SectionSitemap
from broadsheet.taxonomy.sitemaps import TagSitemap

from . import views
from .sitemaps import PageSitemap

app_name = "seo"

# The index lists these, then one sitemap per month of stories
# (``articles-<yyyy>-<mm>.xml``, see articles.sitemaps). An app adds its own here.
SITEMAPS = {
    "pages": PageSitemap,
    "sections": SectionSitemap,
    "people": PersonSitemap,
    "tags": TagSitemap,
    "news": NewsSitemap,
    "print": PrintSitemap,
}
NAME = r"(?P<name>[a-z]+|articles-\d{4}-\d{2})"

urlpatterns = [
    path("robots.txt", views.robots_txt, name="robots"),
    path("sitemap.xml", views.sitemap_index, {"sitemaps": SITEMAPS}, name="sitemap-index"),
    re_path(rf"^sitemaps/{NAME}\.xml$", views.sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    # Pages after the first only: "-1" would be a second address for page one.
    re_path(
        rf"^sitemaps/{NAME}-(?P<number>[2-9]|[1-9]\d+)\.xml$",
        views.sitemap,
        {"sitemaps": SITEMAPS},
        name="sitemap-page",
    ),
    path("publisher-logo.png", views.publisher_logo, name="publisher-logo"),
    path("share-card.png", views.share_card, name="share-card"),
]

"""Every route of the site in one place.

Django views (author, tag and date archive lists) come first; everything else
is Wagtail's page tree: home, sections (with their dated article URLs and
pagination, see sections.models) and company pages.
"""

from django.conf import settings
from django.urls import include, path, re_path
from django.views.static import serve as serve_file
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("broadsheet.editions.urls")),
    path("authors/", include("broadsheet.people.urls")),
    path("tags/", include("broadsheet.taxonomy.urls")),
    path("search/", include("broadsheet.search.urls")),
    path("", include("broadsheet.corrections.urls")),
    path("feeds/", include("broadsheet.feeds.urls")),
    path("", include("broadsheet.listings.urls")),
    path("fragments/", include("broadsheet.publishing.urls")),
    path("", include("broadsheet.articles.urls")),
    path("", include("broadsheet.seo.urls")),
]

if settings.BROADSHEET_SERVE_MEDIA:
    # The demo and development serve uploads themselves; production leaves
    # MEDIA_URL to nginx or object storage (docs/deployment.md).
    media_prefix = settings.MEDIA_URL.strip("/")
    urlpatterns += [re_path(rf"^{media_prefix}/(?P<path>.*)$", serve_file, {"document_root": settings.MEDIA_ROOT})]

urlpatterns += [path("", include(wagtail_urls))]

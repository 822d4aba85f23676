"""The corrections log as RSS: ``/corrections/rss.xml``.

Built on Django's syndication framework directly: the shared feed base of
``broadsheet.feeds`` did not exist yet when this was written.
"""

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as format_date

from broadsheet.core.models import SiteSettings

from .models import CorrectionNote

FEED_SIZE = 50
DATELINE_FORMAT = "M j, Y — H:i"


def correction_label(note: CorrectionNote) -> str:
    """“Correction, Nov 8, 2017 — 10:01”, in the site's time zone (active for the request)."""
    return f"Correction, {format_date(timezone.localtime(note.first_published_at), DATELINE_FORMAT)}"


class CorrectionsFeed(Feed):
    description = "Corrections to our stories, newest first."

    def get_object(self, request: HttpRequest) -> SiteSettings | None:
        # The feed's only "object" is the site it is read on, for its name.
        try:
            return SiteSettings.for_request(request)
        except SiteSettings.DoesNotExist:
            return None

    def title(self, site_settings: SiteSettings | None) -> str:
        return f"Corrections — {site_settings.site_name}" if site_settings else "Corrections"

    def link(self) -> str:
        return reverse("corrections:log")

    def items(self) -> list[CorrectionNote]:
        return list(CorrectionNote.objects.published().newest_first().select_related("page")[:FEED_SIZE])

    def item_title(self, note: CorrectionNote) -> str:
        return f"Correction: {note.page.title}"

    def item_description(self, note: CorrectionNote) -> str:
        return f"{correction_label(note)}: {note.text}"

    def item_link(self, note: CorrectionNote) -> str:
        return f"{note.page.full_url}#correction-{note.pk}"

    def item_pubdate(self, note: CorrectionNote):
        return note.first_published_at

    def item_updateddate(self, note: CorrectionNote):
        return note.last_published_at

"""The corrections log as RSS: ``/corrections/rss.xml``, on the shared feed base (``broadsheet.feeds``)."""

from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as format_date

from broadsheet.core.models import SiteSettings
from broadsheet.feeds.base import BroadsheetFeed

from .models import CorrectionNote

DATELINE_FORMAT = "M j, Y — H:i"


def correction_label(note: CorrectionNote) -> str:
    """“Correction, Nov 8, 2017 — 10:01”, in the site's time zone (active for the request)."""
    return f"Correction, {format_date(timezone.localtime(note.first_published_at), DATELINE_FORMAT)}"


class CorrectionsFeed(BroadsheetFeed):
    description = "Corrections to our stories, newest first."

    def get_object(self, request) -> SiteSettings | None:
        # The feed's only "object" is the site it is read on, for its name.
        try:
            return SiteSettings.for_request(request)
        except SiteSettings.DoesNotExist:
            return None

    def title(self, site_settings: SiteSettings | None) -> str:
        return f"Corrections — {site_settings.site_name}" if site_settings else "Corrections"

    def link(self) -> str:
        return self.absolute_url(reverse("corrections:log"))

    def items(self) -> list[CorrectionNote]:
        return list(CorrectionNote.objects.published().newest_first().select_related("page")[: self.max_items])

    def item_title(self, note: CorrectionNote) -> str:
        return f"Correction: {note.page.title}"

    def item_description(self, note: CorrectionNote) -> str:
        return f"{correction_label(note)}: {note.text}"

    def item_link(self, note: CorrectionNote) -> str:
        return self.absolute_url(f"{note.page.get_url(self.request)}#correction-{note.pk}")

    def item_pubdate(self, note: CorrectionNote):
        return note.first_published_at

    def item_updateddate(self, note: CorrectionNote):
        return note.last_published_at if note.was_amended else None

    def item_guid_name(self, note: CorrectionNote) -> str:
        return f"correction-{note.pk}"

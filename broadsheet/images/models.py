"""Images that carry their photographer's credit.

A news photo is never shown without its credit, so the credit belongs to the
image and follows it into every article, caption and feed; an article may
still override it for one use.
"""

from django.db import models
from django.utils.functional import cached_property
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class BroadsheetImage(AbstractImage):
    credit = models.CharField(max_length=255, blank=True, help_text='Photographer or agency, e.g. "Reuters".')

    admin_form_fields = Image.admin_form_fields + ("credit",)


class BroadsheetRendition(AbstractRendition):
    image = models.ForeignKey(BroadsheetImage, on_delete=models.CASCADE, related_name="renditions")

    @cached_property
    def url(self) -> str:
        # A rendition's file never changes (a new size or crop is a new
        # rendition), so its URL is worked out once per instance: a bake
        # reuses each picture's renditions on thousands of pages, and the
        # storage's URL (quoting, joining) cost 3% of a full bake.
        return self.file.url

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)

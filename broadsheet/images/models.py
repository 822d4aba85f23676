"""Images that carry their photographer's credit.

A news photo is never shown without its credit, so the credit belongs to the
image and follows it into every article, caption and feed; an article may
still override it for one use.
"""

from django.db import models
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class BroadsheetImage(AbstractImage):
    credit = models.CharField(max_length=255, blank=True, help_text='Photographer or agency, e.g. "Reuters".')

    admin_form_fields = Image.admin_form_fields + ("credit",)


class BroadsheetRendition(AbstractRendition):
    image = models.ForeignKey(BroadsheetImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)

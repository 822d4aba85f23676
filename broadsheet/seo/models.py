"""What search engines and social networks are told about the publication."""

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="search")
class SearchAndSharingSettings(BaseSiteSetting):
    """The publisher's logo and picture for previews, and its Google News name.

    Each has a default, so a site whose settings were never saved is still
    described completely (see ``views.publisher_logo`` and ``views.share_card``).
    """

    logo = models.ForeignKey(
        "images.BroadsheetImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The publisher's logo for search engines (square, at least 112×112). "
        "Empty: a logo is drawn from the site name.",
    )
    share_image = models.ForeignKey(
        "images.BroadsheetImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The picture shown when a page without its own is shared (cropped to 1200×630). "
        "Empty: a card is drawn from the site name.",
    )
    news_publication_name = models.CharField(
        max_length=200,
        blank=True,
        help_text="The name exactly as Google News lists the publication. Empty: the site name.",
    )

    panels = [
        MultiFieldPanel([FieldPanel("logo"), FieldPanel("share_image")], heading="Pictures"),
        FieldPanel("news_publication_name"),
    ]

    class Meta:
        verbose_name = "search and sharing"
        verbose_name_plural = "search and sharing"

"""Site-wide settings an editor changes in the admin, never in templates."""

import zoneinfo
from functools import cached_property

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField

from .blocks import LinkGroupBlock, SocialProfileBlock

# Offered in the admin's drop-down only, not stored as model choices: the
# zone database differs between machines and would churn migrations.
TIME_ZONE_CHOICES = [(name, name) for name in sorted(zoneinfo.available_timezones())]


def validate_time_zone(value: str) -> None:
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as error:
        raise ValidationError(f"{value!r} is not a known time zone.") from error


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    site_name = models.CharField(max_length=100, default="Broadsheet")
    tagline = models.CharField(max_length=200, blank=True)
    time_zone = models.CharField(
        max_length=64,
        default="UTC",
        validators=[validate_time_zone],
        help_text="Readers see every date and time in this zone; times are stored in UTC.",
    )
    founding_year = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="The footer shows “© Copyright <founding year>–<this year>”."
    )
    copyright_holder = models.CharField(max_length=200, blank=True)
    legal_notice = models.TextField(
        blank=True, help_text="Registration or legal text for the footer, in any script; line breaks are kept."
    )
    age_rating = models.CharField(max_length=8, blank=True, help_text="An age-rating badge such as 16+.")
    footer_links = StreamField([("group", LinkGroupBlock())], blank=True, use_json_field=True)
    social_profiles = StreamField([("profile", SocialProfileBlock())], blank=True, use_json_field=True)

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("site_name"),
                FieldPanel("tagline"),
                FieldPanel("time_zone", widget=forms.Select(choices=TIME_ZONE_CHOICES)),
            ],
            heading="Identity",
        ),
        MultiFieldPanel(
            [
                FieldPanel("founding_year"),
                FieldPanel("copyright_holder"),
                FieldPanel("legal_notice"),
                FieldPanel("age_rating"),
            ],
            heading="Legal footer",
        ),
        FieldPanel("footer_links"),
        FieldPanel("social_profiles"),
    ]

    class Meta:
        verbose_name = "site settings"
        verbose_name_plural = "site settings"

    def __str__(self) -> str:
        return self.site_name

    @cached_property
    def zoneinfo(self) -> zoneinfo.ZoneInfo:
        try:
            return zoneinfo.ZoneInfo(self.time_zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return zoneinfo.ZoneInfo("UTC")

    def copyright_years(self) -> str:
        """“1992–2026”, with the current year in the site's zone; one year if founded this year."""
        this_year = timezone.localtime(timezone.now(), self.zoneinfo).year
        if not self.founding_year or self.founding_year >= this_year:
            return str(this_year)
        return f"{self.founding_year}–{this_year}"

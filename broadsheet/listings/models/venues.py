"""Venues and event categories: snippets, not pages.

A venue has no page of its own to edit, schedule or preview: readers see it
on its events' pages and on the city guide's "by venue" list (a route of
the index page), so a snippet (a plain model with Wagtail's admin, choosers
and permissions) is enough and keeps imports simple. The same goes for the
categories, which editors rename or add to under Snippets.
"""

from decimal import Decimal
from urllib.parse import quote

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from broadsheet.core.slugs import ascii_slugify

OSM_ZOOM = 17


class EventCategory(models.Model):
    """Concerts, theatre… (a data migration creates the seven defaults)."""

    name = models.CharField(max_length=60, unique=True)
    slug = models.SlugField(max_length=60, unique=True, help_text="The category's address in the city guide.")
    sort_order = models.PositiveSmallIntegerField(default=0, help_text="Lower numbers come first.")

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = "event category"
        verbose_name_plural = "event categories"

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        if not self.slug:
            self.slug = ascii_slugify(self.name, max_length=60) or "category"
        super().save(*args, **kwargs)


class Venue(index.Indexed, models.Model):
    name = models.CharField(max_length=200)
    slug = models.SlugField(
        max_length=100,
        unique=True,
        help_text="The venue's address in the city guide, and its key in CSV imports.",
    )
    address = models.CharField(max_length=255, help_text="Street and number, as a reader would look for it.")
    district = models.CharField(max_length=100, blank=True)
    city = models.CharField(max_length=100)
    latitude = models.DecimalField(
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(-90)), MaxValueValidator(Decimal(90))],
    )
    longitude = models.DecimalField(
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(-180)), MaxValueValidator(Decimal(180))],
    )
    website = models.URLField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    opening_hours = models.TextField(blank=True, help_text="Free text, e.g. “Tue–Sun 10:00–19:00”.")
    image = models.ForeignKey(
        "images.BroadsheetImage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    accessibility = models.TextField(
        blank=True, verbose_name="accessibility notes", help_text="Step-free access, hearing loops, toilets…"
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("district"), FieldPanel("city")]),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading="Where",
        ),
        FieldRowPanel([FieldPanel("website"), FieldPanel("phone")]),
        FieldPanel("opening_hours"),
        FieldPanel("accessibility"),
        FieldPanel("image"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("address"),
        index.FilterField("city"),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name}, {self.city}" if self.city else self.name

    def save(self, *args, **kwargs) -> None:
        if not self.slug:
            self.slug = ascii_slugify(self.name, max_length=90) or "venue"
        super().save(*args, **kwargs)

    @property
    def has_coordinates(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    def full_address(self) -> str:
        return ", ".join(part for part in (self.address, self.district, self.city) if part)

    def openstreetmap_url(self) -> str:
        """A plain link to the place on openstreetmap.org (no embedded map, no request from our pages)."""
        if self.has_coordinates:
            lat, lon = f"{self.latitude:f}", f"{self.longitude:f}"
            return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map={OSM_ZOOM}/{lat}/{lon}"
        return f"https://www.openstreetmap.org/search?query={quote(self.full_address())}"

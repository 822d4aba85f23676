"""Print editions (a PDF with a cover drawn from it) and where readers find the paper."""

import datetime
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.http import urlencode
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.models import Orderable

from broadsheet.core.slugs import ascii_slugify

from . import covers
from .pdf import PdfRefused, check_size, read_pdf


def edition_file_stem(edition: "PrintEdition") -> str:
    return f"editions/{edition.date:%Y}/edition-{edition.issue_number}-{edition.date:%Y-%m-%d}"


def edition_pdf_path(edition: "PrintEdition", filename: str) -> str:
    # The uploader's file name is not used: the stored name always ends in
    # .pdf, is ASCII and says which edition it is.
    return f"{edition_file_stem(edition)}.pdf"


def edition_cover_path(edition: "PrintEdition", filename: str) -> str:
    return f"{edition_file_stem(edition)}-cover.jpg"


def edition_thumbnail_path(edition: "PrintEdition", filename: str) -> str:
    return f"{edition_file_stem(edition)}-cover-thumbnail.jpg"


def validate_edition_pdf(value) -> None:
    """Refuse an upload that is too big, not a PDF, or damaged, before anything is stored.

    Only a new upload is read; the stored PDF of an edition being edited was
    checked when it came in. What the check learnt (the page count and the
    drawn first page) is kept on the file so that saving does not read it again.
    """
    if getattr(value, "_committed", True):
        return
    try:
        check_size(value.size)
        value.pdf_facts = read_pdf(value.file)
    except PdfRefused as error:
        raise ValidationError(str(error), code="invalid_pdf") from error


class PrintEditionQuerySet(models.QuerySet):
    def published(self) -> "PrintEditionQuerySet":
        """What readers see: editions marked as shown. Archive, edition pages, feed and sitemap use this."""
        return self.filter(live=True)

    def newest_first(self) -> "PrintEditionQuerySet":
        return self.order_by("-date", "-issue_number")

    def of_year(self, year: int) -> "PrintEditionQuerySet":
        return self.filter(date__gte=datetime.date(year, 1, 1), date__lt=datetime.date(year + 1, 1, 1))

    def years(self) -> list[int]:
        return sorted({day.year for day in self.dates("date", "year")}, reverse=True)


class PrintEdition(ClusterableModel):
    """One issue of the printed paper.

    The PDF is a file field of its own rather than a Wagtail document: it has
    to be checked (a real, whole PDF under the size limit) and its cover drawn
    the moment it is uploaded, and the document library would let an editor
    pick any file at all.
    """

    issue_number = models.PositiveIntegerField(unique=True, help_text="The number printed on the masthead.")
    date = models.DateField(help_text="The date printed on the edition.")
    pdf = models.FileField(
        "PDF",
        upload_to=edition_pdf_path,
        max_length=255,
        validators=[validate_edition_pdf],
        help_text="The whole edition as one PDF. Its first page becomes the cover.",
    )
    summary = models.TextField(blank=True, max_length=600, help_text="Optional: what is in this issue, in a sentence.")
    live = models.BooleanField("shown on the site", default=True)
    pdf_size = models.PositiveBigIntegerField(default=0, editable=False)
    page_count = models.PositiveIntegerField(default=0, editable=False)
    cover = models.ImageField(
        upload_to=edition_cover_path,
        max_length=255,
        blank=True,
        editable=False,
        width_field="cover_width",
        height_field="cover_height",
    )
    cover_width = models.PositiveIntegerField(null=True, editable=False)
    cover_height = models.PositiveIntegerField(null=True, editable=False)
    cover_thumbnail = models.ImageField(
        upload_to=edition_thumbnail_path,
        max_length=255,
        blank=True,
        editable=False,
        width_field="thumbnail_width",
        height_field="thumbnail_height",
    )
    thumbnail_width = models.PositiveIntegerField(null=True, editable=False)
    thumbnail_height = models.PositiveIntegerField(null=True, editable=False)

    objects = PrintEditionQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("issue_number"), FieldPanel("date")]),
        FieldPanel("pdf", widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"})),
        FieldPanel("summary"),
        FieldPanel("live"),
        InlinePanel("articles_in_issue", heading="Stories in this issue", label="story"),
    ]

    class Meta:
        ordering = ["-date", "-issue_number"]
        verbose_name = "print edition"

    def __str__(self) -> str:
        return f"No. {self.issue_number}, {self.date:%-d %B %Y}"

    def save(self, *args, **kwargs) -> None:
        new_upload = bool(self.pdf) and not self.pdf._committed
        replaced = self._stored_file_names() if new_upload and self.pk else []
        if new_upload:
            self._describe_pdf()
        try:
            super().save(*args, **kwargs)
        except BaseException:
            if new_upload:
                self._delete_files(committed_only=True)
            raise
        if replaced:
            storage = self.pdf.storage
            kept = set(self._stored_file_names())
            transaction.on_commit(lambda: [storage.delete(name) for name in replaced if name not in kept])

    def get_absolute_url(self) -> str:
        return reverse("editions:edition", kwargs={"year": f"{self.date:%Y}", "number": self.issue_number})

    def _describe_pdf(self) -> None:
        """Size, page count and cover files of a newly uploaded PDF (checked by the validator if it ran)."""
        facts = getattr(self.pdf, "pdf_facts", None)
        if facts is None:  # saved without full_clean(): check it now
            check_size(self.pdf.size)
            facts = read_pdf(self.pdf.file)
        self.pdf_size = self.pdf.size
        self.page_count = facts.page_count
        # The names are replaced by edition_cover_path and edition_thumbnail_path.
        self.cover = covers.jpeg_file(facts.cover, "cover.jpg")
        self.cover_thumbnail = covers.jpeg_file(covers.thumbnail(facts.cover), "cover-thumbnail.jpg")

    def _stored_file_names(self) -> list[str]:
        stored = PrintEdition.objects.filter(pk=self.pk).values_list("pdf", "cover", "cover_thumbnail").first()
        return [name for name in stored or () if name]

    def _delete_files(self, committed_only: bool = False) -> None:
        for field_file in (self.pdf, self.cover, self.cover_thumbnail):
            if field_file and (field_file._committed or not committed_only):
                field_file.storage.delete(field_file.name)


class PrintEditionArticle(Orderable):
    """A story that ran in a print edition, linked from the edition's page."""

    edition = ParentalKey(PrintEdition, on_delete=models.CASCADE, related_name="articles_in_issue")
    article = models.ForeignKey("articles.ArticlePage", on_delete=models.CASCADE, related_name="print_appearances")
    print_page = models.PositiveSmallIntegerField(null=True, blank=True, help_text="The page it ran on, if known.")

    panels = [FieldRowPanel([PageChooserPanel("article", "articles.ArticlePage"), FieldPanel("print_page")])]

    class Meta(Orderable.Meta):
        verbose_name = "story in this issue"

    def __str__(self) -> str:
        return f"{self.article} in {self.edition}"


class DistributionKind(models.TextChoices):
    """Kinds of place that stock the paper.

    Fixed choices rather than an editable list: each kind has an address
    (``/where-to-find/<city>/<kind>/``) that must not change when a label is
    reworded, and the page lists kinds in this order.
    """

    CAFE = "cafe", "Café"
    RESTAURANT = "restaurant", "Restaurant"
    HOTEL = "hotel", "Hotel"
    BUSINESS_CENTRE = "business-centre", "Business centre"
    SHOP = "shop", "Shop"
    NEWSSTAND = "newsstand", "Newsstand"
    STATION = "station", "Station or airport"
    LIBRARY = "library", "Library"
    OTHER = "other", "Other"


# A city page lives at /where-to-find/<city>/, and /where-to-find/kind/<kind>/
# lists one kind in every city: no city may take that first segment.
RESERVED_CITY_SLUGS = {"kind"}


def city_slug(city: str) -> str:
    slug = ascii_slugify(city, max_length=90) or "city"
    return f"{slug}-city" if slug in RESERVED_CITY_SLUGS else slug


UNIQUE_NAME_MESSAGE = "This city has a place of that name: add the street to tell them apart."


class DistributionPointQuerySet(models.QuerySet):
    def in_city(self, slug: str) -> "DistributionPointQuerySet":
        return self.filter(city_slug=slug)

    def listing_order(self) -> "DistributionPointQuerySet":
        return self.order_by("city", "name", "pk")


class DistributionPoint(models.Model):
    """A place where readers can pick up the printed paper."""

    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=32, choices=DistributionKind.choices, default=DistributionKind.CAFE)
    address = models.CharField(max_length=300)
    city = models.CharField(max_length=100)
    city_slug = models.SlugField(max_length=100, editable=False, db_index=True)
    latitude = models.DecimalField(
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("-90")), MaxValueValidator(Decimal("90"))],
    )
    longitude = models.DecimalField(
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("-180")), MaxValueValidator(Decimal("180"))],
    )
    notes = models.TextField(blank=True, max_length=1000, help_text="e.g. “At the reception desk, weekdays”.")

    objects = DistributionPointQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        MultiFieldPanel([FieldPanel("address"), FieldPanel("city")], heading="Address"),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")], heading="Coordinates"),
        FieldPanel("notes"),
    ]

    class Meta:
        ordering = ["city", "name"]
        constraints = [
            models.UniqueConstraint(
                Lower("name"),
                "city_slug",
                name="editions_distribution_point_unique_name_in_city",
                violation_error_message=UNIQUE_NAME_MESSAGE,
            )
        ]

    def __str__(self) -> str:
        return f"{self.name}, {self.city}"

    def save(self, *args, **kwargs) -> None:
        self.city_slug = city_slug(self.city)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("editions:where-to-find-kind", kwargs={"city": self.city_slug, "kind": self.kind})

    def clean(self) -> None:
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError("Give both the latitude and the longitude, or neither.")
        self.city_slug = city_slug(self.city)
        if self.same_place_elsewhere() is not None:
            raise ValidationError({"name": UNIQUE_NAME_MESSAGE})

    @property
    def has_coordinates(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    def same_place_elsewhere(self) -> "DistributionPoint | None":
        """Another record of this place: the same name in the same city, ignoring case in any script.

        Compared in Python: SQLite's lower() folds ASCII only, so the unique
        constraint alone would let "CAFÉ" and "Café" in on SQLite.
        """
        name = self.name.strip().casefold()
        others = DistributionPoint.objects.filter(city_slug=city_slug(self.city)).exclude(pk=self.pk)
        return next((other for other in others if other.name.strip().casefold() == name), None)

    def openstreetmap_url(self) -> str:
        """The place on openstreetmap.org: a pin at its coordinates, else a search for its address."""
        if self.has_coordinates:
            lat, lon = f"{self.latitude:f}", f"{self.longitude:f}"
            return f"https://www.openstreetmap.org/?{urlencode({'mlat': lat, 'mlon': lon})}#map=18/{lat}/{lon}"
        return "https://www.openstreetmap.org/search?" + urlencode({"query": f"{self.address}, {self.city}"})

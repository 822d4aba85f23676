"""Events: Wagtail pages under the city guide, with their dates.

Why pages and not snippets: an event is editorial content with its own
public address (``/city-guide/<slug>/``), and editors want what pages have:
drafts and revisions, previews, scheduled publication and expiry,
moderation workflows and redirects when a slug changes.

An event's dates are entered as one-off dates (``EventDate``) and repeating
schedules (``EventSchedule``); both are child relations of the page, so they
are part of each revision and previewed with it. Listings do not read them:
they read ``Occurrence``, one row per date, rebuilt from the dates and
schedules whenever the page row itself is saved (creation, publication,
the demo and imports; a draft of a live page does not touch it), so that
"what is on between A and B" is one indexed range query.
"""

import datetime
from functools import cached_property

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.formats import date_format
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from broadsheet.core.pages import BakedUrlMixin, BakedViewRestrictionsMixin, TransliteratedSlugMixin
from broadsheet.core.timezones import site_zone

from ..schedules import Frequency, Weekday, expand, local_midnight

#: Slugs the city guide's own routes use; an event cannot take them.
RESERVED_SLUGS = {"today", "weekend", "week", "category", "venue", "calendar", "page", "jump"}
#: How many upcoming dates an event page lists.
UPCOMING_SHOWN = 12
DESCRIPTION_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class AgeRating(models.TextChoices):
    ALL = "0+", "0+ (everyone)"
    SIX = "6+", "6+"
    TWELVE = "12+", "12+"
    SIXTEEN = "16+", "16+"
    EIGHTEEN = "18+", "18+"


def refuse_end_before_start(starts_at, ends_at, field: str = "ends_at") -> None:
    if starts_at and ends_at and ends_at <= starts_at:
        local = timezone.localtime
        raise ValidationError(
            {
                field: (
                    f"The end ({date_format(local(ends_at), 'j M Y H:i')}) must come after the start "
                    f"({date_format(local(starts_at), 'j M Y H:i')})."
                )
            }
        )


class EventPage(BakedUrlMixin, BakedViewRestrictionsMixin, TransliteratedSlugMixin, RoutablePageMixin, Page):
    description = RichTextField(features=DESCRIPTION_FEATURES, blank=True)
    category = models.ForeignKey("listings.EventCategory", on_delete=models.PROTECT, related_name="events")
    venue = models.ForeignKey("listings.Venue", on_delete=models.PROTECT, related_name="events")
    is_free = models.BooleanField("free", default=False)
    price = models.CharField(max_length=100, blank=True, help_text="e.g. “£12, concessions £8”. Empty if free.")
    age_rating = models.CharField(max_length=4, choices=AgeRating.choices, blank=True)
    image = models.ForeignKey(
        "images.BroadsheetImage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    image_credit = models.CharField(max_length=200, blank=True, help_text="Leave empty to use the image's credit.")
    editors_pick = models.BooleanField("editor's pick", default=False, help_text="Shown first in every listing.")
    tickets_url = models.URLField("tickets link", blank=True)

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("category"), FieldPanel("editors_pick")]),
        FieldPanel("venue"),
        FieldPanel("description"),
        InlinePanel("dates", heading="Dates", label="Date", help_text="Times are in the site's time zone."),
        InlinePanel("schedules", heading="Repeating schedules", label="Schedule"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("is_free"), FieldPanel("price")]), FieldPanel("age_rating")],
            heading="Admission",
        ),
        FieldPanel("tickets_url"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_credit")], heading="Image"),
    ]
    search_fields = Page.search_fields + [index.SearchField("description"), index.FilterField("editors_pick")]
    parent_page_types = ["listings.ListingsIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = "event"
        permissions = [("import_events", "Can import events from CSV")]

    def clean(self) -> None:
        super().clean()
        if self.slug in RESERVED_SLUGS:
            raise ValidationError({"slug": f"“{self.slug}” is an address of the city guide itself; choose another."})
        if self.price and self.is_free:
            raise ValidationError({"price": "A free event has no price: clear the price or untick “free”."})

    def _get_autogenerated_slug(self, base_slug: str) -> str:
        # An event titled "Today" must not take the guide's /today/ address.
        if base_slug in RESERVED_SLUGS:
            base_slug = f"{base_slug}-event"
        return super()._get_autogenerated_slug(base_slug)

    def save(self, *args, **kwargs):
        result = super().save(*args, **kwargs)
        if kwargs.get("update_fields") is None:
            self.rebuild_occurrences()
        return result

    # Dates

    def expanded_dates(self) -> list[tuple[datetime.datetime, datetime.datetime]]:
        """Every (start, end) in UTC from the one-off dates and the schedules, sorted, without repeats."""
        zone = site_zone()
        pairs = {(date.starts_at, date.ends_at) for date in self.dates.all()}
        for schedule in self.schedules.all():
            pairs.update(schedule.occurrences(zone))
        return sorted(pairs)

    @transaction.atomic
    def rebuild_occurrences(self) -> None:
        Occurrence.objects.filter(event=self).delete()
        Occurrence.objects.bulk_create(
            Occurrence(event=self, starts_at=start, ends_at=end) for start, end in self.expanded_dates()
        )

    def upcoming_occurrences(self, since: datetime.datetime | None = None, preview: bool = False) -> list["Occurrence"]:
        """Dates not over by local midnight today (a page is baked once a day: see baking)."""
        since = since or local_midnight(timezone.localdate(), timezone.get_current_timezone())
        if preview or self.pk is None:
            # A preview shows its own unsaved dates, not the live ones.
            return [Occurrence(starts_at=s, ends_at=e) for s, e in self.expanded_dates() if e > since]
        return list(self.occurrences.filter(ends_at__gt=since).order_by("starts_at"))

    # Display

    @cached_property
    def section(self):
        """The city guide the event belongs to (the menu marks it as the reader's section)."""
        return self.get_parent().specific

    @property
    def credit(self) -> str:
        if self.image_credit:
            return self.image_credit
        return self.image.credit if self.image else ""

    @property
    def admission(self) -> str:
        return "Free" if self.is_free else self.price

    # Routes

    @path("")
    def event(self, request: HttpRequest) -> HttpResponse:
        return self.render(request)

    # Wagtail serves only paths ending in "/"; listings.urls hands it
    # ".../<slug>/event.ics", which routable pages see as "event.ics/".
    @re_path(r"^event\.ics/$", name="ics")
    def ics(self, request: HttpRequest) -> HttpResponse:
        from ..ical import calendar_response, event_components

        occurrences = list(self.occurrences.order_by("starts_at"))
        return calendar_response(
            event_components(self, occurrences, request), name=self.title, filename=f"{self.slug}.ics"
        )

    def get_context(self, request, *args, **kwargs):
        from ..jsonld import event_jsonld

        context = super().get_context(request, *args, **kwargs)
        upcoming = self.upcoming_occurrences(preview=getattr(request, "is_preview", False))
        context.update(
            upcoming=upcoming[:UPCOMING_SHOWN],
            more_upcoming=max(0, len(upcoming) - UPCOMING_SHOWN),
            has_ended=not upcoming,
            jsonld=event_jsonld(self, upcoming[:UPCOMING_SHOWN], request),
        )
        return context

    def ics_url(self, request: HttpRequest | None = None) -> str:
        return self.get_url(request) + "event.ics"


class EventDate(Orderable):
    """A one-off date of an event, entered in the site's time zone and stored in UTC."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="dates")
    starts_at = models.DateTimeField("starts")
    ends_at = models.DateTimeField("ends")

    panels = [FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")])]

    def clean(self) -> None:
        super().clean()
        refuse_end_before_start(self.starts_at, self.ends_at)


class EventSchedule(Orderable):
    """“Every Friday 19:00–22:00 from 1 December until 31 March”."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="schedules")
    frequency = models.CharField(max_length=8, choices=Frequency.choices, default=Frequency.WEEKLY)
    weekday = models.PositiveSmallIntegerField(
        choices=Weekday.choices, null=True, blank=True, help_text="For weekly schedules."
    )
    starts_on = models.DateField("from")
    until = models.DateField("until", help_text="The last day the event may take place.")
    start_time = models.TimeField("starts at")
    end_time = models.TimeField("ends at", help_text="Earlier than the start: the event ends the next day.")

    panels = [
        FieldRowPanel([FieldPanel("frequency"), FieldPanel("weekday")]),
        FieldRowPanel([FieldPanel("starts_on"), FieldPanel("until")]),
        FieldRowPanel([FieldPanel("start_time"), FieldPanel("end_time")]),
    ]

    def clean(self) -> None:
        super().clean()
        if self.frequency == Frequency.WEEKLY and self.weekday is None:
            raise ValidationError({"weekday": "Choose the day of the week a weekly event takes place."})
        if self.starts_on and self.until and self.until < self.starts_on:
            raise ValidationError({"until": "The last day must not be before the first."})
        if self.starts_on and self.until and (self.until - self.starts_on).days > 731:
            raise ValidationError({"until": "A schedule may run for two years at most."})
        if self.start_time is not None and self.start_time == self.end_time:
            raise ValidationError({"end_time": "The end must come after the start."})

    def duration(self) -> datetime.timedelta:
        today = datetime.date.today()
        start = datetime.datetime.combine(today, self.start_time)
        end = datetime.datetime.combine(today, self.end_time)
        if end <= start:
            end += datetime.timedelta(days=1)
        return end - start

    def occurrences(self, zone) -> list[tuple[datetime.datetime, datetime.datetime]]:
        return expand(self.starts_on, self.until, self.frequency, self.start_time, self.duration(), zone, self.weekday)


class Occurrence(models.Model):
    """One date of a live or draft event, derived from its dates and schedules (never edited)."""

    event = models.ForeignKey(EventPage, on_delete=models.CASCADE, related_name="occurrences")
    starts_at = models.DateTimeField(db_index=True)
    ends_at = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["starts_at", "pk"]

    def __str__(self) -> str:
        return f"{self.event.title}: {self.starts_at:%Y-%m-%d %H:%M}"

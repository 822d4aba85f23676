"""Venue and event imports from CSV (see broadsheet.core.imports for the admin flow).

Venues are keyed by ``slug``, events by their ``slug`` under the city guide;
an event row names its venue by the venue's slug. Times are read in the
site's time zone. An event row is one event with one date, or a repeating
one (``repeat`` + ``repeat_until``); a re-import replaces the event's dates
with the row's and publishes a new revision, so the admin's history shows
what each import changed.
"""

import datetime
import html

from django import forms
from django.utils import timezone

from broadsheet.core.imports import Column, CsvFileError, CsvImporter, ImportPreview

from .models import AgeRating, EventCategory, EventDate, EventPage, EventSchedule, ListingsIndexPage, Venue
from .models.events import RESERVED_SLUGS, refuse_end_before_start
from .schedules import Frequency

YES, NO = {"yes", "y", "true", "1"}, {"no", "n", "false", "0", ""}
DATETIME_FORMATS = ["%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S"]
MAX_REPEATING_LENGTH = datetime.timedelta(hours=24)


class YesNoField(forms.Field):
    def to_python(self, value):
        text = (value or "").strip().casefold()
        if text in YES:
            return True
        if text in NO:
            return False
        raise forms.ValidationError("Write yes or no.")


# Venues


class VenueRowForm(forms.ModelForm):
    website = forms.URLField(required=False, max_length=200, assume_scheme="https")

    class Meta:
        model = Venue
        fields = [
            "slug",
            "name",
            "address",
            "district",
            "city",
            "latitude",
            "longitude",
            "website",
            "phone",
            "opening_hours",
            "accessibility",
        ]


VENUE_COLUMNS = [
    Column("slug", "The venue's key and address in the guide (letters, digits, hyphens).", True, "river-hall"),
    Column("name", "Name shown to readers.", True, "River Hall"),
    Column("address", "Street and number.", True, "12 Quay Street"),
    Column("district", "Neighbourhood.", False, "Old Town"),
    Column("city", "City.", True, "Fairwater"),
    Column("latitude", "Decimal degrees, −90 to 90 (a point, not a comma).", False, "55.751244"),
    Column("longitude", "Decimal degrees, −180 to 180.", False, "37.618423"),
    Column("website", "Full address starting with https://.", False, "https://riverhall.example.com/"),
    Column("phone", "As readers should dial it.", False, "+7 495 000-00-00"),
    Column("opening_hours", "Free text.", False, "Tue–Sun 10:00–19:00"),
    Column("accessibility", "Accessibility notes.", False, "Step-free entrance on the river side"),
]


class VenueImporter(CsvImporter):
    slug = "venues"
    verbose_name = "venues"
    columns = VENUE_COLUMNS
    form_class = VenueRowForm
    key_fields = ("slug",)
    permission = "listings.add_venue"

    def get_form_kwargs(self, row):
        # Validate against the venue this row updates, so its own slug is not "taken".
        return {"instance": Venue.objects.filter(slug=row.values.get("slug", "")).first() or Venue()}

    def find_existing(self, cleaned):
        return Venue.objects.filter(slug=cleaned["slug"]).first()

    def save_row(self, cleaned, existing):
        venue = existing or Venue()
        for name, value in cleaned.items():
            setattr(venue, name, value)
        venue.save()
        return venue


# Events


class EventRowForm(forms.Form):
    slug = forms.SlugField(max_length=255)
    title = forms.CharField(max_length=255)
    category = forms.CharField(max_length=60)
    venue = forms.SlugField(max_length=100)
    starts = forms.DateTimeField(input_formats=DATETIME_FORMATS)
    ends = forms.DateTimeField(input_formats=DATETIME_FORMATS)
    repeat = forms.ChoiceField(choices=[("", "no")] + Frequency.choices, required=False)
    repeat_until = forms.DateField(input_formats=["%Y-%m-%d"], required=False)
    description = forms.CharField(required=False, max_length=10000)
    free = YesNoField(required=False)
    price = forms.CharField(max_length=100, required=False)
    age_rating = forms.ChoiceField(choices=[("", "")] + AgeRating.choices, required=False)
    editors_pick = YesNoField(required=False)
    tickets_url = forms.URLField(required=False, assume_scheme="https")

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        if slug in RESERVED_SLUGS:
            raise forms.ValidationError(f"“{slug}” is an address of the city guide itself; choose another.")
        return slug

    def clean_category(self):
        value = self.cleaned_data["category"]
        category = (
            EventCategory.objects.filter(slug__iexact=value).first()
            or EventCategory.objects.filter(name__iexact=value).first()
        )
        if category is None:
            names = ", ".join(EventCategory.objects.values_list("slug", flat=True))
            raise forms.ValidationError(f"No category “{value}”. The categories are: {names}.")
        return category

    def clean_venue(self):
        slug = self.cleaned_data["venue"]
        venue = Venue.objects.filter(slug=slug).first()
        if venue is None:
            raise forms.ValidationError(f"No venue with the key “{slug}”: import the venues first.")
        return venue

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts"), cleaned.get("ends")
        try:
            refuse_end_before_start(starts, ends, field="ends")
        except forms.ValidationError as error:
            self.add_error(None, error.message_dict["ends"][0])
            return cleaned
        if cleaned.get("repeat"):
            if not cleaned.get("repeat_until"):
                self.add_error("repeat_until", "A repeating event needs the last day it repeats.")
            elif starts and cleaned["repeat_until"] < timezone.localdate(starts):
                self.add_error("repeat_until", "The last day must not be before the first.")
            if starts and ends and ends - starts >= MAX_REPEATING_LENGTH:
                self.add_error("ends", "Each date of a repeating event must be shorter than a day.")
        if cleaned.get("free") and cleaned.get("price"):
            self.add_error("price", "A free event has no price: clear the price or write no under free.")
        return cleaned


EVENT_COLUMNS = [
    Column("slug", "The event's key and address in the guide.", True, "jazz-on-the-quay"),
    Column("title", "Title shown to readers.", True, "Jazz on the quay"),
    Column("category", "A category's slug or name, e.g. concerts, theatre, exhibitions.", True, "concerts"),
    Column("venue", "The venue's slug (import venues first).", True, "river-hall"),
    Column(
        "starts",
        "Start, YYYY-MM-DD HH:MM in the site's time zone (the first date if repeating).",
        True,
        "2026-12-04 19:00",
    ),
    Column("ends", "End, YYYY-MM-DD HH:MM; must be after the start.", True, "2026-12-04 22:00"),
    Column("repeat", "Empty, daily or weekly (weekly: on the start's weekday).", False, "weekly"),
    Column("repeat_until", "Last day of a repeating event, YYYY-MM-DD.", False, "2027-03-31"),
    Column("description", "Plain text; blank lines start new paragraphs.", False, "Three bands, one night."),
    Column("free", "yes or no.", False, "no"),
    Column("price", "Free text, e.g. “£12, concessions £8”.", False, "£12"),
    Column("age_rating", "0+, 6+, 12+, 16+ or 18+.", False, "16+"),
    Column("editors_pick", "yes or no.", False, "no"),
    Column("tickets_url", "Link to buy tickets.", False, "https://tickets.example.com/jazz"),
]


def paragraphs(text: str) -> str:
    """Plain text as rich text paragraphs, escaped."""
    blocks = [" ".join(block.split()) for block in text.replace("\r\n", "\n").split("\n\n")]
    return "".join(f"<p>{html.escape(block, quote=False)}</p>" for block in blocks if block)


class EventImporter(CsvImporter):
    slug = "events"
    verbose_name = "events"
    columns = EVENT_COLUMNS
    form_class = EventRowForm
    key_fields = ("slug",)
    permission = "listings.import_events"

    def preview(self, data: bytes) -> ImportPreview:
        self.guide = ListingsIndexPage.objects.first()
        if self.guide is None:
            raise CsvFileError("There is no city guide page yet: create one under the home page first.")
        return super().preview(data)

    def find_existing(self, cleaned):
        return EventPage.objects.child_of(self.guide).filter(slug=cleaned["slug"]).first()

    def check_row(self, row):
        if row.existing is None and self.guide.get_children().filter(slug=row.cleaned["slug"]).exists():
            yield f"slug: another page under the city guide already uses “{row.cleaned['slug']}”."

    def save_row(self, cleaned, existing):
        event = existing or EventPage(slug=cleaned["slug"])
        event.title = cleaned["title"]
        event.category = cleaned["category"]
        event.venue = cleaned["venue"]
        event.description = paragraphs(cleaned["description"])
        event.is_free = bool(cleaned["free"])
        event.price = cleaned["price"]
        event.age_rating = cleaned["age_rating"]
        event.editors_pick = bool(cleaned["editors_pick"])
        event.tickets_url = cleaned["tickets_url"]
        starts, ends = cleaned["starts"], cleaned["ends"]
        if cleaned["repeat"]:
            local_start, local_end = timezone.localtime(starts), timezone.localtime(ends)
            event.dates = []
            event.schedules = [
                EventSchedule(
                    frequency=cleaned["repeat"],
                    weekday=local_start.weekday() if cleaned["repeat"] == Frequency.WEEKLY else None,
                    starts_on=local_start.date(),
                    until=cleaned["repeat_until"],
                    start_time=local_start.time(),
                    end_time=local_end.time(),
                )
            ]
        else:
            event.dates = [EventDate(starts_at=starts, ends_at=ends)]
            event.schedules = []
        if existing is None:
            self.guide.add_child(instance=event)
        event.save_revision().publish()
        return event

"""Distribution points from a CSV file, through the shared importer (``broadsheet.core.imports``).

A row is the same place as an existing one when its name and city match,
ignoring case (the model's unique constraint): a re-import updates the
place's kind, address, coordinates and notes instead of adding it twice.
"""

from decimal import Decimal

from django import forms

from broadsheet.core.imports import Column, CsvImporter

from .models import DistributionKind, DistributionPoint, city_slug

KIND_HELP = "One of: " + ", ".join(f"{value} ({label})" for value, label in DistributionKind.choices) + "."


def kind_aliases() -> dict[str, str]:
    """What an editor may type for a kind: its value or its label, in any case ("Business centre")."""
    aliases = {}
    for kind in DistributionKind:
        for name in (kind.value, kind.value.replace("-", " "), str(kind.label)):
            aliases[name.casefold()] = kind.value
    return aliases


class CoordinateField(forms.FloatField):
    """A latitude or longitude in decimal degrees, rounded to the six places the model keeps (about 10 cm)."""

    def clean(self, value):
        number = super().clean(value)
        return None if number is None else Decimal(f"{number:.6f}")


class DistributionPointRowForm(forms.Form):
    name = forms.CharField(max_length=200)
    kind = forms.CharField(max_length=40)
    address = forms.CharField(max_length=300)
    city = forms.CharField(max_length=100)
    latitude = CoordinateField(required=False, min_value=-90, max_value=90)
    longitude = CoordinateField(required=False, min_value=-180, max_value=180)
    notes = forms.CharField(max_length=1000, required=False)

    def clean_kind(self) -> str:
        typed = self.cleaned_data["kind"]
        kind = kind_aliases().get(typed.strip().casefold())
        if kind is None:
            raise forms.ValidationError(f"“{typed}” is not a kind of place. {KIND_HELP}")
        return kind

    def clean(self) -> dict:
        cleaned = super().clean()
        if ("latitude" in cleaned and "longitude" in cleaned) and (
            (cleaned["latitude"] is None) != (cleaned["longitude"] is None)
        ):
            raise forms.ValidationError("Give both the latitude and the longitude, or neither.")
        return cleaned


class DistributionPointImporter(CsvImporter):
    slug = "distribution-points"
    verbose_name = "distribution points"
    columns = [
        Column("name", "The place's name. With the city, it identifies the place on a re-import.", True, "Café Nord"),
        Column("kind", KIND_HELP, True, "cafe"),
        Column("address", "Street and number, as readers should look for it.", True, "12 Quay Street"),
        Column("city", "The city; its page is /where-to-find/<city>/.", True, "Fairwater"),
        Column("latitude", "Decimal degrees, e.g. 55.751244 (optional, with longitude).", False, "55.751244"),
        Column("longitude", "Decimal degrees, e.g. 37.618423 (optional, with latitude).", False, "37.618423"),
        Column("notes", "Shown under the address, e.g. where in the building.", False, "At the reception desk"),
    ]
    form_class = DistributionPointRowForm
    key_fields = ("name", "city")
    permission = "editions.add_distributionpoint"

    def find_existing(self, cleaned: dict) -> DistributionPoint | None:
        return DistributionPoint(name=cleaned["name"], city=cleaned["city"]).same_place_elsewhere()

    def normalise_key(self, value):
        # Two rows of one file are one place when their names and cities slug
        # alike ("Москва" and "москва", "Saint-Petersburg" and "Saint Petersburg"),
        # the way the city's page groups them: stricter than the database
        # match, so one file can never add a place twice.
        return city_slug(value) if isinstance(value, str) else value

    def save_row(self, cleaned: dict, existing: DistributionPoint | None) -> DistributionPoint:
        point = existing or DistributionPoint()
        for name in ("name", "kind", "address", "city", "latitude", "longitude", "notes"):
            setattr(point, name, cleaned[name])
        point.save()
        return point

"""The seven categories a city guide starts with; editors rename or add to them under Snippets."""

from django.db import migrations

DEFAULT_CATEGORIES = [
    ("Concerts", "concerts"),
    ("Theatre", "theatre"),
    ("Exhibitions", "exhibitions"),
    ("Cinema", "cinema"),
    ("Kids", "kids"),
    ("Nightlife", "nightlife"),
    ("Food and drink", "food-and-drink"),
]


def create_categories(apps, schema_editor):
    EventCategory = apps.get_model("listings", "EventCategory")
    for order, (name, slug) in enumerate(DEFAULT_CATEGORIES):
        EventCategory.objects.get_or_create(slug=slug, defaults={"name": name, "sort_order": order})


class Migration(migrations.Migration):
    dependencies = [("listings", "0001_initial")]

    operations = [migrations.RunPython(create_categories, migrations.RunPython.noop)]

"""An index that serves "the children of a page" (Wagtail's ``get_children``) at any archive size.

Treebeard finds a page's children as ``depth = d AND path BETWEEN p AND pZZZZ``,
which the page table's index on the path alone answers by walking every
descendant: for the home page's dozen sections, every story of the paper
(56 ms at 100,000 stories, on each rebake that routes a URL or builds the
menu). On (depth, path) the same query reads only the children. Wagtail's
model cannot be given a ``Meta.indexes`` entry from here, hence SQL.
"""

from django.db import migrations

INDEX = "core_page_depth_path"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor in ("sqlite", "postgresql"):
        schema_editor.execute(f'CREATE INDEX IF NOT EXISTS "{INDEX}" ON "wagtailcore_page" ("depth", "path")')


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor in ("sqlite", "postgresql"):
        schema_editor.execute(f'DROP INDEX IF EXISTS "{INDEX}"')


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]

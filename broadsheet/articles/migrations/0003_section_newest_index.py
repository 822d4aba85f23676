"""An index that serves "a section's newest stories" (``ArticleQuerySet.in_section``).

Wagtail's page table knows a page's section only through the first twelve
characters of its tree path, and its index on the publication time holds no
section: a section's newest stories were found by walking every story of
the paper newest first until enough were in that section, the whole archive
for a quiet section. This index on (section path, publication time, id)
reads exactly the stories asked for. It is an index on an expression, which
Django's ``Meta.indexes`` could say only on Wagtail's own model, hence SQL.
"""

from django.db import migrations

INDEX = "articles_page_section_newest"
# The expression must be the one Django writes for Substr("path", 1, 12) on
# each database, or the database will not match it to the index.
CREATE = {
    "sqlite": f'CREATE INDEX IF NOT EXISTS "{INDEX}" ON "wagtailcore_page" (SUBSTR("path", 1, 12), "first_published_at", "id")',
    "postgresql": f'CREATE INDEX IF NOT EXISTS "{INDEX}" ON "wagtailcore_page" (SUBSTRING("path", 1, 12), "first_published_at", "id")',
}


def create_index(apps, schema_editor):
    sql = CREATE.get(schema_editor.connection.vendor)
    if sql:
        schema_editor.execute(sql)


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor in CREATE:
        schema_editor.execute(f'DROP INDEX IF EXISTS "{INDEX}"')


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0002_initial"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]

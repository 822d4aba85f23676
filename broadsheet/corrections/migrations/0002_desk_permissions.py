"""Who may triage reports and publish corrections, on Wagtail's own groups.

Editors triage reports and draft correction notes; Moderators also publish
them. Nobody gets delete rights on notes: a correction is amended, not removed.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = ["view_errorreport", "change_errorreport", "add_correctionnote", "change_correctionnote"]
MODERATORS = EDITORS + ["delete_errorreport", "publish_correctionnote"]


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations; these are needed now.
    app_config = apps.get_app_config("corrections")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in (("Editors", EDITORS), ("Moderators", MODERATORS)):
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.add(
                *Permission.objects.filter(content_type__app_label="corrections", codename__in=codenames)
            )


class Migration(migrations.Migration):
    dependencies = [
        ("corrections", "0001_initial"),
        ("wagtailcore", "0002_initial_data"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]

"""The demo's editor: a newsroom account, not a superuser.

Logging in as a superuser would hide every permission gap, so the demo
editor belongs to Wagtail's own "Editors" and "Moderators" groups and sees
the admin as real staff would. Wagtail's migrations grant those groups
rights on pages, documents and images (image rights are checked against
Wagtail's own image model, even for our custom one); the rights on our own
models (people, tags, site settings, navigation) are granted here.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from .newsroom import EDITOR_EMAIL, EDITOR_PASSWORD, EDITOR_USERNAME

EDITOR_GROUPS = ["Editors", "Moderators"]
GROUP_PERMISSIONS = [
    "wagtailadmin.access_admin",
    "people.add_person",
    "people.change_person",
    "people.delete_person",
    "taxonomy.add_tag",
    "taxonomy.change_tag",
    "taxonomy.delete_tag",
    "core.change_sitesettings",
    "sections.change_navigationsettings",
]


def ensure_editor():
    """The demo editor, with the demo password whatever it was changed to."""
    user, created = get_user_model().objects.get_or_create(
        username=EDITOR_USERNAME,
        defaults={"email": EDITOR_EMAIL, "first_name": "Demo", "last_name": "Editor"},
    )
    # The login printed at the end of every run must work.
    if created or not user.check_password(EDITOR_PASSWORD):
        user.set_password(EDITOR_PASSWORD)
        user.save()
    groups = [Group.objects.get_or_create(name=name)[0] for name in EDITOR_GROUPS]
    for group in groups:
        grant_newsroom_permissions(group)
    user.groups.add(*groups)
    return user


def grant_newsroom_permissions(group: Group) -> None:
    group.permissions.add(
        *(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
            for app_label, codename in (name.split(".") for name in GROUP_PERMISSIONS)
        )
    )

from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from .models import Tag


class TagViewSet(ModelViewSet):
    """Lets editors rename or merge-by-hand the tags readers browse."""

    model = Tag
    icon = "tag"
    menu_label = "Tags"
    menu_order = 210
    add_to_admin_menu = True
    form_fields = ["name", "slug"]
    list_display = ["name", "slug"]
    search_fields = ["name"]


@hooks.register("register_admin_viewset")
def register_tag_viewset():
    return TagViewSet("tags")

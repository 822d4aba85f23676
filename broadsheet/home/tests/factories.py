"""The site tree every reader-facing test starts from."""

from wagtail.models import Page, Site

from broadsheet.home.models import HomePage


def make_home(title: str = "Broadsheet") -> HomePage:
    """A HomePage at the root of the default site, replacing Wagtail's welcome page."""
    for welcome in Page.objects.filter(depth=2):
        welcome.delete()
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title=title, slug="home"))
    Site.objects.update_or_create(
        hostname="localhost",
        port=80,
        defaults={"root_page": home, "is_default_site": True, "site_name": title},
    )
    return home

from django.urls import reverse
from wagtail import hooks


@hooks.register("broadsheet_bake_urls")
def ticker_fragment_url() -> list[str]:
    # No page links to it: pages fetch it from a script.
    return [reverse("publishing:ticker-fragment")]

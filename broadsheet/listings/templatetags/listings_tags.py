"""``{% load listings_tags %}``: the city guide's own menu."""

from django import template

register = template.Library()

WINDOWS = [("upcoming", "All upcoming"), ("today", "Today"), ("weekend", "This weekend"), ("week", "Next seven days")]


@register.inclusion_tag("listings/includes/guide_nav.html", takes_context=True)
def guide_navigation(context: template.Context) -> dict:
    """Needs ``page`` (the ListingsIndexPage), ``categories`` and ``window`` in the context."""
    return {
        "guide": context["page"],
        "guide_windows": WINDOWS,
        "categories": context.get("categories"),
        "window": context.get("window"),
        "category": context.get("category"),
        "venue": context.get("venue"),
        "request": context.get("request"),
    }

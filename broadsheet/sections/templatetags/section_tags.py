"""The section menu and the “More from the paper” rail.

``{% load section_tags %}`` gives:

- ``{% section_navigation %}``: the menu from ``NavigationSettings``, with
  ``aria-current`` on the section being read (needs ``request``; reads
  ``page`` from the context to find the current section).
- ``{% more_from_the_paper exclude=section %}``: the newest headlines of
  every section in the menu but ``exclude``, in one query for all of them.
"""

from django import template

from broadsheet.sections.models import NavigationSettings, SectionPage, is_menu_page, newest_articles_by_section

register = template.Library()

RAIL_HEADLINES = 3


def current_section(context: template.Context) -> SectionPage | None:
    """The section the reader is in: the section page itself, or an article's section."""
    page = context.get("page")
    if is_menu_page(page):
        return page
    section = getattr(page, "section", None)
    return section if is_menu_page(section) else None


def menu_entries(context: template.Context) -> list[dict]:
    request = context.get("request")
    if request is None:
        return []
    return NavigationSettings.for_request(request).visible_sections()


@register.inclusion_tag("includes/section_nav.html", takes_context=True)
def section_navigation(context: template.Context) -> dict:
    request = context.get("request")
    section = current_section(context)
    entries = []
    for entry in menu_entries(context):
        current = None
        if section is not None and entry["page"].pk == section.pk:
            # "page" when the link leads to this very page (the section
            # front), "true" anywhere else in the section.
            current = "page" if request.path == entry["page"].get_url(request) else "true"
        entries.append({**entry, "current": current})
    return {"request": request, "entries": entries}


@register.inclusion_tag("components/section_rail.html", takes_context=True)
def more_from_the_paper(context: template.Context, exclude: SectionPage | None = None) -> dict:
    # Lists that are not sections (tags, authors, archives) pass no section.
    excluded_pk = exclude.pk if isinstance(exclude, SectionPage) else None
    entries = [e for e in menu_entries(context) if e["page"].pk != excluded_pk]
    grouped = newest_articles_by_section([e["page"] for e in entries], RAIL_HEADLINES, teasers=False)
    blocks = [{"entry": e, "articles": grouped.get(e["page"].pk, [])} for e in entries]
    return {"request": context.get("request"), "blocks": [b for b in blocks if b["articles"]]}

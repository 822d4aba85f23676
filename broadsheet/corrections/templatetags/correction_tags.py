"""``{% load correction_tags %}``: the corrections at an article's foot and the “Report an error” link.

- ``{% correction_notes page %}``: the page's published correction notes (one query).
- ``{% report_error page %}``: the link to the plain form, and the dialog the script opens.
"""

from django import template

from broadsheet.core.memo import memo_whole_site, memoized

register = template.Library()


def pages_with_notes() -> set[int]:
    from broadsheet.corrections.models import CorrectionNote

    return set(CorrectionNote.objects.on_page().values_list("page_id", flat=True))


@register.inclusion_tag("corrections/includes/correction_notes.html")
def correction_notes(page) -> dict:
    notes = getattr(page, "correction_notes", None)
    if notes is None or not page.pk:
        return {"notes": []}
    if memo_whole_site() and page.pk not in memoized("corrections:pages-with-notes", pages_with_notes):
        # A full bake asks once which stories carry notes, not once per story.
        return {"notes": []}
    return {"notes": list(notes.on_page())}


@register.inclusion_tag("corrections/includes/report_error.html", takes_context=True)
def report_error(context: template.Context, page) -> dict:
    return {"page": page, "request": context.get("request")}

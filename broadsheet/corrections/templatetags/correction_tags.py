"""``{% load correction_tags %}``: the corrections at an article's foot and the “Report an error” link.

- ``{% correction_notes page %}``: the page's published correction notes (one query).
- ``{% report_error page %}``: the link to the plain form, and the dialog the script opens.
"""

from django import template

register = template.Library()


@register.inclusion_tag("corrections/includes/correction_notes.html")
def correction_notes(page) -> dict:
    notes = getattr(page, "correction_notes", None)
    return {"notes": list(notes.on_page()) if notes is not None and page.pk else []}


@register.inclusion_tag("corrections/includes/report_error.html", takes_context=True)
def report_error(context: template.Context, page) -> dict:
    return {"page": page, "request": context.get("request")}

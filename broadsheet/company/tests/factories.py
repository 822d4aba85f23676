import json

from wagtail.models import Page

from broadsheet.company.models import CompanyPage


def make_company_page(parent: Page, title: str, slug: str = "", paragraphs: tuple[str, ...] = (), **fields):
    body = json.dumps([{"type": "paragraph", "value": f"<p>{text}</p>"} for text in paragraphs])
    return parent.add_child(instance=CompanyPage(title=title, slug=slug, body=body, **fields))

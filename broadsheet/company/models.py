"""The company pages: About us, Jobs, Privacy policy, Corrections policy, Where to find us.

One generic page type with the same body blocks as a story, so the newsroom
writes them in the editor it already knows.
"""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from broadsheet.core.blocks import StoryBodyBlock
from broadsheet.core.pages import BakedUrlMixin, BakedViewRestrictionsMixin, TransliteratedSlugMixin


class CompanyPage(BakedUrlMixin, BakedViewRestrictionsMixin, TransliteratedSlugMixin, Page):
    summary = models.TextField(blank=True, max_length=500)
    body = StreamField(StoryBodyBlock(), blank=True, use_json_field=True)

    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("body")]
    parent_page_types = ["home.HomePage", "company.CompanyPage"]
    subpage_types = ["company.CompanyPage"]

    class Meta:
        verbose_name = "company page"

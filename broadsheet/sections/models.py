"""Sections of the paper (News, Business, Opinion…) and special-topic hubs.

A section is the parent of its articles in the page tree, so moving an article
to another section is a Wagtail move and leaves a redirect behind. Article
URLs carry their date: ``/<section>/<yyyy>/<mm>/<dd>/<slug>/`` is routed here.
"""

import datetime

from django.conf import settings
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page

from broadsheet.core.pagination import paginate_newest_first, parse_page_number

from .blocks import NavigationItemBlock


class SectionPage(RoutablePageMixin, Page):
    intro = models.TextField(blank=True, max_length=500)
    is_special = models.BooleanField(
        default=False, help_text="A special-topic hub (a tournament, an election): highlighted in the navigation."
    )
    active_until = models.DateField(
        null=True, blank=True, help_text="A special hub leaves the navigation after this day. Empty: while it is live."
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("is_special"), FieldPanel("active_until")], heading="Special topic"),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["articles.ArticlePage"]

    class Meta:
        verbose_name = "section"

    def is_active(self) -> bool:
        """Whether the navigation shows this section today (site time zone)."""
        if not self.live:
            return False
        if self.active_until is None:
            return True
        return timezone.localdate() <= self.active_until

    def articles(self):
        from broadsheet.articles.models import ArticlePage

        return ArticlePage.objects.published().child_of(self).for_teasers()

    @path("")
    def front(self, request: HttpRequest) -> HttpResponse:
        return self.render_list(request, None)

    @re_path(r"^page/(?P<number>[^/]+)/$")
    def numbered(self, request: HttpRequest, number: str) -> HttpResponse:
        return self.render_list(request, parse_page_number(number))

    @re_path(r"^(?P<year>\d{4})/(?P<month>\d{2})/(?P<day>\d{2})/(?P<slug>[-\w]+)/$")
    def article(
        self, request: HttpRequest, year: str, month: str, day: str, slug: str, *args, **kwargs
    ) -> HttpResponse:
        from broadsheet.articles.models import ArticlePage

        try:
            requested = datetime.date(int(year), int(month), int(day))
        except ValueError as error:
            raise Http404("No such date") from error
        article = ArticlePage.objects.child_of(self).filter(slug=slug).first()
        if article is None or not article.live:
            raise Http404("No such article")
        if article.url_date() != requested:
            # The right story under the wrong date (e.g. a hand-typed link):
            # send the reader to its one canonical address.
            return redirect(article.get_url(request), permanent=True)
        return article.serve(request, *args, **kwargs)

    @re_path(r"^(?P<slug>[-\w]+)/$")
    def undated_article(self, request: HttpRequest, slug: str) -> HttpResponse:
        """Wagtail's own tree address of an article redirects to the dated one."""
        from broadsheet.articles.models import ArticlePage

        article = ArticlePage.objects.live().child_of(self).filter(slug=slug).first()
        if article is None:
            raise Http404("No such article")
        return redirect(article.get_url(request), permanent=True)

    def render_list(self, request: HttpRequest, number: int | None) -> HttpResponse:
        listing = paginate_newest_first(self.articles(), number, settings.BROADSHEET_PAGE_SIZE, self.get_url(request))
        return self.render(request, context_overrides={"listing": listing})

    def get_sitemap_urls(self, request=None):
        # Only the section front; numbered pages are reached by links.
        return [{"location": self.get_full_url(request), "lastmod": self.last_published_at}]


@register_setting(icon="list-ul")
class NavigationSettings(BaseSiteSetting):
    """The section menu: which sections, in what order, under what label."""

    items = StreamField([("section", NavigationItemBlock())], blank=True, use_json_field=True)

    panels = [FieldPanel("items")]

    class Meta:
        verbose_name = "navigation"

    def visible_sections(self) -> list[dict]:
        """Menu entries for live sections; special hubs only while active."""
        entries = []
        for item in self.items:
            section = item.value["section"]
            if section is None:
                continue
            if not isinstance(section, SectionPage) or not section.is_active():
                continue
            entries.append(
                {"page": section, "label": item.value["label"] or section.title, "is_special": section.is_special}
            )
        return entries

"""Sections of the paper (News, Business, Opinion…) and special-topic hubs.

A section is the parent of its articles in the page tree, so moving an article
to another section is a Wagtail move and leaves a redirect behind. Article
URLs carry their date: ``/<section>/<yyyy>/<mm>/<dd>/<slug>/`` is routed here.
"""

import datetime

from django.conf import settings
from django.db import models
from django.db.models.expressions import RawSQL
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page

from broadsheet.core.memo import reused
from broadsheet.core.pages import BakedUrlMixin, BakedViewRestrictionsMixin, TransliteratedSlugMixin
from broadsheet.core.pagination import paginate_newest_first, parse_page_number

from .blocks import CityGuideNavigationItemBlock, NavigationItemBlock
from .preload import taken_story


def parse_url_date(year: str, month: str, day: str) -> datetime.date | None:
    """The date of an article URL's ``yyyy/mm/dd``, or None if it is not a real date."""
    if not (year.isascii() and month.isascii() and day.isascii()):
        return None
    try:
        return datetime.date(int(year), int(month), int(day))
    except ValueError:
        return None


class SectionPage(BakedUrlMixin, BakedViewRestrictionsMixin, TransliteratedSlugMixin, RoutablePageMixin, Page):
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

        return (
            ArticlePage.objects.published()
            .in_section(self)
            .for_teasers()
            .with_sections([self])
            .tallied(f"section:{self.pk}")
        )

    @path("")
    def front(self, request: HttpRequest) -> HttpResponse:
        return self.render_list(request, None)

    @re_path(r"^page/(?P<number>[^/]+)/$")
    def numbered(self, request: HttpRequest, number: str) -> HttpResponse:
        return self.render_list(request, parse_page_number(number))

    def route(self, request: HttpRequest, path_components: list[str]):
        """Hand a dated article URL to the article itself.

        Returning the article's own route result (rather than serving it from
        a routable view) lets Wagtail's serve view run its page hooks on the
        article: password and login restrictions, before_serve_page.
        """
        if self.live and len(path_components) == 4:
            *date_parts, slug = path_components
            requested = parse_url_date(*date_parts)
            article = self.live_article(slug) if requested else None
            if article is not None and article.url_date() == requested:
                article.section = self  # saves the article page a parent lookup
                return article.route(request, [])
        return super().route(request, path_components)

    def live_article(self, slug: str):
        from broadsheet.articles.models import ArticlePage

        # A bake loads a batch's stories in one query (sections.preload).
        preloaded = taken_story(self, slug)
        if preloaded is not None:
            return preloaded
        return ArticlePage.objects.live().child_of(self).filter(slug=slug).first()

    def redirect_to_article(self, request: HttpRequest, slug: str) -> HttpResponse:
        article = self.live_article(slug)
        if article is None:
            raise Http404("No such article")
        return redirect(article.get_url(request), permanent=True)

    @re_path(r"^(?P<year>\d{4})/(?P<month>\d{2})/(?P<day>\d{2})/(?P<slug>[-\w]+)/$")
    def misdated_article(self, request: HttpRequest, year: str, month: str, day: str, slug: str) -> HttpResponse:
        """The right story under the wrong date (a hand-typed link): one permanent
        redirect to its canonical address. Correctly dated URLs never get here."""
        if parse_url_date(year, month, day) is None:
            raise Http404("No such date")
        return self.redirect_to_article(request, slug)

    @re_path(r"^(?P<slug>[-\w]+)/$")
    def undated_article(self, request: HttpRequest, slug: str) -> HttpResponse:
        """Wagtail's own tree address of an article redirects to the dated one."""
        return self.redirect_to_article(request, slug)

    def render_list(self, request: HttpRequest, number: int | None) -> HttpResponse:
        listing = paginate_newest_first(self.articles(), number, settings.BROADSHEET_PAGE_SIZE, self.get_url(request))
        return self.render(request, context_overrides={"listing": listing})

    def get_sitemap_urls(self, request=None):
        # Only the section front; numbered pages are reached by links. The
        # front changes with every story published in it: the sitemap
        # annotates the newest one (sections.sitemaps).
        changes = [self.last_published_at, getattr(self, "newest_story_at", None)]
        return [{"location": self.get_full_url(request), "lastmod": max(filter(None, changes), default=None)}]


def newest_articles_by_section(sections: list[SectionPage], count: int, teasers: bool = True) -> dict[int, list]:
    """The ``count`` newest published articles of each section, by section id.

    One query for every section together, so a page showing a block per
    section costs the same however many sections have stories. Each
    section's newest are found by its own ``ORDER BY … LIMIT`` (the section
    index, ``ArticleQuerySet.in_section``, serves it reading ``count`` rows), and the parts
    are joined with ``UNION ALL``: numbering every story of every section
    with a window function read the whole archive on every rebake of the
    home page and of the rail. Django will not compose sliced querysets into
    a union on SQLite, hence the SQL put together here.
    ``teasers``: load what a teaser shows (images, authors) as ``for_teasers()``
    does; otherwise headlines only.
    """
    from broadsheet.articles.models import ArticlePage

    if not sections:
        return {}
    published = ArticlePage.objects.published()
    parts, params = [], []
    for number, section in enumerate(sections):
        newest = published.in_section(section).newest_first().values("pk")[:count]
        sql, part_params = newest.query.sql_with_params()
        parts.append(f"SELECT * FROM ({sql}) AS newest_{number}")
        params.extend(part_params)
    articles = (
        (published.for_teasers() if teasers else published.headlines())
        .with_sections(sections)
        .filter(pk__in=RawSQL(" UNION ALL ".join(parts), params))
    )
    grouped: dict[int, list] = {section.pk: [] for section in sections}
    for article in articles:
        grouped[article.section.pk].append(article)
    return grouped


def is_menu_page(page) -> bool:
    """A section, or a section-like page that says so (the city guide: ``shows_in_navigation``)."""
    return isinstance(page, SectionPage) or getattr(page, "shows_in_navigation", False)


@register_setting(icon="list-ul")
class NavigationSettings(BaseSiteSetting):
    """The section menu: which sections, in what order, under what label."""

    items = StreamField(
        [("section", NavigationItemBlock()), ("guide", CityGuideNavigationItemBlock())], blank=True, use_json_field=True
    )

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
            # A bake shares one settings object between its pages, so the
            # menu's pages load once; every page showing them must record them.
            reused([section])
            if not is_menu_page(section) or not section.is_active():
                continue
            entries.append(
                {
                    "page": section,
                    "label": item.value["label"] or section.title,
                    "is_special": getattr(section, "is_special", False),
                }
            )
        return entries

"""The city guide's front page and every list of events under it.

One routable page (``/city-guide/`` in the demo) rather than a page per
list: the lists are views of the same events (today, this weekend, the next
seven days, a date, a category, a venue), and routes give each a clean,
bakeable URL without editors having to create and keep pages for them.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core.paginator import Paginator
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.models import Page

from broadsheet.core.pages import BakedUrlMixin, BakedViewRestrictionsMixin, TransliteratedSlugMixin
from broadsheet.core.pagination import parse_page_number

from .. import windows
from .venues import EventCategory, Venue

PAGED = r"(?:page/(?P<number>[^/]+)/)?$"
#: The date pages that exist (a window at the edge of the calendar would overflow).
FIRST_YEAR, LAST_YEAR = 1900, 2999


@dataclass
class EventListing:
    """One page of a list of events, numbered from 1 (the list's own URL)."""

    items: list
    base_url: str
    number: int
    num_pages: int
    total: int

    def url_of(self, number: int) -> str:
        return self.base_url if number == 1 else f"{self.base_url}page/{number}/"

    @property
    def previous_url(self) -> str | None:
        return self.url_of(self.number - 1) if self.number > 1 else None

    @property
    def next_url(self) -> str | None:
        return self.url_of(self.number + 1) if self.number < self.num_pages else None


class ListingsIndexPage(BakedUrlMixin, BakedViewRestrictionsMixin, TransliteratedSlugMixin, RoutablePageMixin, Page):
    intro = models.TextField(blank=True, max_length=500, help_text="A line under the city guide's title.")

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["listings.EventPage"]
    #: The section menu may list it (Settings → Navigation → City guide).
    shows_in_navigation = True

    class Meta:
        verbose_name = "city guide"

    def is_active(self) -> bool:
        """Whether the section menu shows it."""
        return self.live

    # Routes

    @path("", name="upcoming")
    def upcoming(self, request: HttpRequest) -> HttpResponse:
        return self.render_window(request, windows.upcoming(*self.today()), None)

    @re_path(r"^page/(?P<number>[^/]+)/$", name="upcoming-page")
    def upcoming_page(self, request: HttpRequest, number: str) -> HttpResponse:
        return self.render_window(request, windows.upcoming(*self.today()), number)

    @re_path(r"^today/" + PAGED, name="today")
    def today_list(self, request: HttpRequest, number: str | None = None) -> HttpResponse:
        return self.render_window(request, windows.today_window(*self.today()), number)

    @re_path(r"^weekend/" + PAGED, name="weekend")
    def weekend(self, request: HttpRequest, number: str | None = None) -> HttpResponse:
        return self.render_window(request, windows.weekend(*self.today()), number)

    @re_path(r"^week/" + PAGED, name="week")
    def week(self, request: HttpRequest, number: str | None = None) -> HttpResponse:
        return self.render_window(request, windows.next_seven_days(*self.today()), number)

    @re_path(r"^(?P<year>\d{4})/(?P<month>\d{2})/(?P<day>\d{2})/" + PAGED, name="date")
    def date(self, request: HttpRequest, year: str, month: str, day: str, number: str | None = None) -> HttpResponse:
        try:
            chosen = datetime.date(int(year), int(month), int(day))
        except ValueError as error:
            raise Http404("No such date") from error
        if not FIRST_YEAR <= chosen.year <= LAST_YEAR:
            raise Http404("No listings that far away")
        window = windows.single_day(chosen, timezone.get_current_timezone())
        return self.render_window(request, window, number, base_url=self.date_url(chosen, request))

    @re_path(r"^category/(?P<slug>[-\w]+)/" + PAGED, name="category")
    def category(self, request: HttpRequest, slug: str, number: str | None = None) -> HttpResponse:
        category = get_object_or_404(EventCategory, slug=slug)
        window = windows.upcoming(*self.today())
        return self.render_window(
            request,
            window,
            number,
            events=self.events_in(window).filter(category=category),
            heading=category.name,
            base_url=self.get_url(request) + self.reverse_subpage("category", kwargs={"slug": slug}),
            extra={"category": category},
        )

    @re_path(r"^category/(?P<slug>[-\w]+)/calendar\.ics/$", name="category-calendar")
    def category_calendar(self, request: HttpRequest, slug: str) -> HttpResponse:
        from ..ical import feed_response

        category = get_object_or_404(EventCategory, slug=slug)
        return feed_response(self, request, category=category)

    @re_path(r"^venue/(?P<slug>[-\w]+)/" + PAGED, name="venue")
    def venue(self, request: HttpRequest, slug: str, number: str | None = None) -> HttpResponse:
        venue = get_object_or_404(Venue, slug=slug)
        window = windows.upcoming(*self.today())
        return self.render_window(
            request,
            window,
            number,
            events=self.events_in(window).filter(venue=venue),
            heading=venue.name,
            base_url=self.get_url(request) + self.reverse_subpage("venue", kwargs={"slug": slug}),
            extra={"venue": venue},
        )

    @re_path(r"^calendar\.ics/$", name="calendar")
    def calendar(self, request: HttpRequest) -> HttpResponse:
        from ..ical import feed_response

        return feed_response(self, request)

    # Helpers

    def today(self) -> tuple[datetime.date, datetime.tzinfo]:
        """Today in the site's zone, and the zone (the middleware activated it)."""
        return timezone.localdate(), timezone.get_current_timezone()

    def events_in(self, window: windows.Window):
        from ..querysets import events_between

        return events_between(window.start, window.end).descendant_of(self)

    def date_url(self, day: datetime.date, request: HttpRequest | None = None) -> str:
        kwargs = {"year": f"{day:%Y}", "month": f"{day:%m}", "day": f"{day:%d}"}
        return self.get_url(request) + self.reverse_subpage("date", kwargs=kwargs)

    def window_url(self, name: str, request: HttpRequest | None = None) -> str:
        return self.get_url(request) + self.reverse_subpage(name)

    def render_window(
        self,
        request: HttpRequest,
        window: windows.Window,
        number: str | None,
        *,
        events=None,
        heading: str = "",
        base_url: str = "",
        extra: dict | None = None,
    ) -> HttpResponse:
        from ..querysets import attach_dates

        page_number = parse_page_number(number) if number is not None else 1
        if number is not None and page_number == 1:
            raise Http404("The first page is the list's own address")
        events = events if events is not None else self.events_in(window)
        paginator = Paginator(events, settings.BROADSHEET_PAGE_SIZE)
        if page_number > max(1, paginator.num_pages):
            raise Http404("No such page")
        items = list(paginator.page(page_number).object_list)
        attach_dates(items, window.start, window.end)
        if not base_url:
            name = "upcoming" if window.slug == "upcoming" else window.slug
            base_url = self.window_url(name, request)
        listing = EventListing(items, base_url, page_number, max(1, paginator.num_pages), paginator.count)
        context = {
            "window": window,
            "heading": heading or window.title,
            "listing": listing,
            "categories": EventCategory.objects.all(),
            "rendered_for": timezone.localdate(),
            **(extra or {}),
        }
        return self.render(request, context_overrides=context)

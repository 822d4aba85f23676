"""Sitemaps of stories: one per month of first publication, and Google News.

A month's stories are listed oldest first, so a month that grows past the
50,000-URL limit splits into pages whose earlier ones never change. Months
follow the site's time zone, like the dates in article URLs.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Max, Prefetch
from django.db.models.functions import TruncMonth
from django.http import Http404
from django.utils import timezone
from wagtail.images import get_image_model

from broadsheet.core.timezones import site_zone
from broadsheet.images.renditions import LEAD_IMAGE_SPECS
from broadsheet.seo.sitemaps import BroadsheetSitemap, absolute

from .models import ArticlePage
from .querysets import newest_first_order, oldest_first_order

# The largest size the article page itself shows, so the rendition exists already.
SITEMAP_IMAGE_SPEC = LEAD_IMAGE_SPECS[-1]
NEWS_WINDOW = datetime.timedelta(hours=48)
NEWS_LIMIT = 1000


@dataclass(frozen=True)
class Month:
    year: int
    month: int

    @property
    def name(self) -> str:
        return f"articles-{self.year:04d}-{self.month:02d}"

    def bounds(self, zone) -> tuple[datetime.datetime, datetime.datetime]:
        start = datetime.datetime(self.year, self.month, 1, tzinfo=zone)
        following = datetime.datetime(self.year + self.month // 12, self.month % 12 + 1, 1, tzinfo=zone)
        return start, following


class ArticleSitemap(BroadsheetSitemap):
    """Stories with their lead image (Google's image sitemap extension)."""

    def stories(self):
        image_queryset = get_image_model().objects.prefetch_renditions(SITEMAP_IMAGE_SPEC)
        return (
            ArticlePage.objects.published()
            .prefetch_related(Prefetch("lead_image", queryset=image_queryset))
            .defer_streamfields()
        )

    def url_entries(self, article: ArticlePage) -> list[dict]:
        entry = {"location": article.get_full_url(self.request), "lastmod": self.lastmod(article), "item": article}
        if article.lead_image:
            rendition = article.lead_image.get_rendition(SITEMAP_IMAGE_SPEC)
            entry["images"] = [absolute(rendition.url, self.root_url)]
        return [entry]

    def lastmod(self, article: ArticlePage) -> datetime.datetime:
        return article.last_published_at or article.first_published_at


class ArticleMonthSitemap(ArticleSitemap):
    """The stories first published in one month, oldest first."""

    def __init__(self, request=None, month: Month | None = None) -> None:
        super().__init__(request)
        self.month = month

    def items(self):
        start, following = self.month.bounds(site_zone(self.site.pk))
        return (
            self.stories()
            .filter(first_published_at__gte=start, first_published_at__lt=following)
            .order_by(*oldest_first_order())
        )

    def num_pages(self) -> int:
        # A month that has no stories has no sitemap (not an empty one).
        if self.paginator.count == 0:
            raise Http404("No stories in this month")
        return self.paginator.num_pages

    def page_lastmod(self, number: int) -> datetime.datetime | None:
        # The index asks for every page of every month: one aggregate each, not a rendering.
        stories = self.paginator.page(number).object_list
        return stories.aggregate(newest=Max("last_published_at"))["newest"]

    @classmethod
    def by_month(cls, request) -> list[tuple["ArticleMonthSitemap", int, datetime.datetime | None]]:
        """Every month with stories, oldest first: ``(sitemap, story count, newest lastmod)``.

        One grouped query for the whole archive, so the index stays cheap
        however many years it covers.
        """
        zone = site_zone(BroadsheetSitemap(request).site.pk)
        rows = (
            ArticlePage.objects.published()
            .annotate(month=TruncMonth("first_published_at", tzinfo=zone))
            .order_by()
            .values("month")
            .annotate(count=Count("pk"), newest=Max("last_published_at"))
            .order_by("month")
        )
        return [
            (cls(request, Month(row["month"].year, row["month"].month)), row["count"], row["newest"]) for row in rows
        ]


class NewsSitemap(ArticleSitemap):
    """Google News: stories first published in the last 48 hours, newest first, at most 1,000.

    Google reads ``news:publication_date`` for the 48 hours; a story exactly
    48 hours old is still in, a second later it is out.
    """

    template_name = "seo/news_sitemap.xml"
    limit = NEWS_LIMIT

    def items(self):
        now = timezone.now()
        return (
            self.stories()
            .filter(first_published_at__gte=now - NEWS_WINDOW, first_published_at__lte=now)
            .order_by(*newest_first_order())[: self.limit]
        )

    def num_pages(self) -> int:
        return 1

    def get_context(self) -> dict:
        return {"publication": news_publication(self.site)}


def news_language(language_code: str) -> str:
    """Google News wants an ISO 639 code (``en``), except ``zh-cn`` and ``zh-tw``."""
    code = language_code.lower()
    return code if code in ("zh-cn", "zh-tw") else code.split("-")[0]


def news_publication(site) -> dict:
    from broadsheet.core.models import SiteSettings
    from broadsheet.seo.models import SearchAndSharingSettings

    name = SearchAndSharingSettings.for_site(site).news_publication_name or SiteSettings.for_site(site).site_name
    return {"name": name, "language": news_language(settings.LANGUAGE_CODE)}

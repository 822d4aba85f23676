from django.urls import reverse
from django.utils import timezone
from wagtail import hooks

from broadsheet.core.timezones import site_zone

from .models import ArticlePage


@hooks.register("broadsheet_bake_urls")
def date_archives() -> list[str]:
    """Every day and month with a published story, for the full bake's crawl to start from.

    No page links to them (readers reach them by editing a story's dated
    address), so a crawl from the front page never found them: a publish
    baked its day and month for the first time, and their numbered pages
    with them, on the readers' path. The crawl follows each front to its
    numbered pages. Dates are the site's, as in story URLs.
    """
    zone = site_zone()
    days = {
        timezone.localtime(moment, zone).date()
        for moment in ArticlePage.objects.published().order_by().values_list("first_published_at", flat=True)
    }
    months = {(day.year, day.month) for day in days}
    urls = [
        reverse("articles:month", kwargs={"year": f"{year:04d}", "month": f"{month:02d}"})
        for year, month in sorted(months)
    ]
    urls += [
        reverse("articles:day", kwargs={"year": f"{day:%Y}", "month": f"{day:%m}", "day": f"{day:%d}"})
        for day in sorted(days)
    ]
    return urls

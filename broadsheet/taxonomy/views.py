from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from broadsheet.articles.models import ArticlePage
from broadsheet.core.pagination import paginate_newest_first, parse_page_number

from .models import Tag


def tag_page(request: HttpRequest, slug: str, number: str | None = None) -> HttpResponse:
    """Every story with one tag, across sections, newest first."""
    tag = get_object_or_404(Tag, slug=slug)
    articles = ArticlePage.objects.published().tagged([tag.pk]).for_teasers().tallied(f"tag:{tag.pk}")
    listing = paginate_newest_first(
        articles, parse_page_number(number), settings.BROADSHEET_PAGE_SIZE, tag.get_absolute_url()
    )
    return render(request, "taxonomy/tag_page.html", {"tag": tag, "listing": listing})

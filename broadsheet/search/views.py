"""The search results page, ``/search/?q=...``.

Why a plain Django view and not a page type: results depend on the query
string, so the page can never be baked; it lives under the dynamic ``/search/``
prefix that nginx and ``broadsheet serve`` always hand to Django, and that
robots.txt keeps out of search engines. It reads Wagtail's search index (the
database backend: SQLite FTS or PostgreSQL full text, see settings).
"""

from django.conf import settings
from django.core.paginator import EmptyPage, Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control

from broadsheet.articles.models import ArticlePage
from broadsheet.core.pagination import parse_page_number

# A reader's query, not a document: longer input is a mistake or an attack.
MAX_QUERY_LENGTH = 200


def search_page(request: HttpRequest) -> HttpResponse:
    """Published stories matching ``q``, most relevant first, ``page`` by ``page``."""
    query = " ".join(request.GET.get("q", "").split())
    context = {"query": query, "results": None, "error": ""}
    status = 200
    if len(query) > MAX_QUERY_LENGTH:
        context["error"] = f"Please shorten your search to at most {MAX_QUERY_LENGTH} characters."
        status = 400
    elif query:
        number = parse_page_number(request.GET.get("page")) or 1
        context["results"] = _results_page(query, number)
    response = render(request, "search/search_page.html", context, status=status)
    # Results change with every publish and every query differs: let browsers
    # and shared caches keep them briefly, never for long.
    patch_cache_control(response, public=True, max_age=60)
    return response


def _results_page(query: str, number: int):
    """One page of results, with the teasers' sections, authors and images loaded in bulk."""
    matches = ArticlePage.objects.published().search(query, operator="and")
    paginator = Paginator(matches, settings.BROADSHEET_PAGE_SIZE)
    try:
        page = paginator.page(number)
    except EmptyPage as error:
        if number == 1:
            return paginator.page(1) if paginator.count else None
        raise Http404("No such page of results") from error
    ids = [article.pk for article in page.object_list]
    loaded = {article.pk: article for article in ArticlePage.objects.filter(pk__in=ids).for_teasers()}
    page.object_list = [loaded[pk] for pk in ids if pk in loaded]
    return page

"""Reader pages: the print archive by year, one edition, and where to find the paper.

Plain Django views over snippets, like the author pages: an edition or a
distribution point is a record editors fill in, not a page of the tree.
Every page here is baked, so what it shows depends on its path only; the
no-JS filter form sends its choice to ``jump_to_where_to_find`` (under the
dynamic ``/jump/`` prefix), which redirects to the baked address.
"""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from broadsheet.articles.models import ArticlePage

from .models import DistributionKind, DistributionPoint, PrintEdition
from .places import CityPlaces, group_by_city


def edition_archive(request: HttpRequest) -> HttpResponse:
    """The newest year's editions, the newest one large, and links to the other years."""
    editions = PrintEdition.objects.published()
    years = editions.years()
    if not years:
        return render(request, "editions/edition_archive.html", {"years": [], "editions": [], "year": None})
    return render_year(request, years[0], years, is_front=True)


def edition_year(request: HttpRequest, year: str) -> HttpResponse:
    years = PrintEdition.objects.published().years()
    if int(year) not in years:
        raise Http404("No editions that year")
    return render_year(request, int(year), years, is_front=False)


def render_year(request: HttpRequest, year: int, years: list[int], is_front: bool) -> HttpResponse:
    editions = list(PrintEdition.objects.published().of_year(year).newest_first())
    context = {"year": year, "years": years, "editions": editions, "is_front": is_front}
    return render(request, "editions/edition_archive.html", context)


def edition_page(request: HttpRequest, year: str, number: str) -> HttpResponse:
    edition = get_object_or_404(PrintEdition.objects.published().of_year(int(year)), issue_number=int(number))
    appearances = {
        appearance.article_id: appearance.print_page
        for appearance in edition.articles_in_issue.all().order_by("sort_order")
    }
    articles = list(ArticlePage.objects.published().filter(pk__in=appearances).headlines())
    order = list(appearances)
    articles.sort(key=lambda article: order.index(article.pk))
    for article in articles:
        article.print_page = appearances[article.pk]
    newer = PrintEdition.objects.published().filter(date__gt=edition.date).order_by("date", "issue_number").first()
    older = PrintEdition.objects.published().filter(date__lt=edition.date).newest_first().first()
    context = {"edition": edition, "articles": articles, "newer": newer, "older": older}
    return render(request, "editions/edition_page.html", context)


def where_to_find(request: HttpRequest, city: str | None = None, kind: str | None = None) -> HttpResponse:
    """Every place that stocks the paper, by city and kind; a city, a kind, or both narrow it."""
    if kind is not None and kind not in DistributionKind.values:
        raise Http404("No such kind of place")
    all_points = list(DistributionPoint.objects.listing_order())
    every_city = group_by_city(all_points)
    chosen_city: CityPlaces | None = next((c for c in every_city if c.slug == city), None)
    if city is not None and chosen_city is None:
        raise Http404("The paper is not distributed in that city")
    shown = [
        point
        for point in all_points
        if (city is None or point.city_slug == city) and (kind is None or point.kind == kind)
    ]
    in_reach = chosen_city.kinds if chosen_city else [group for c in every_city for group in c.kinds]
    context = {
        "cities": group_by_city(shown),
        "every_city": every_city,
        "chosen_city": chosen_city,
        "chosen_kind": DistributionKind(kind) if kind else None,
        # The kinds worth a filter link: those the chosen city (or any city) has.
        "kinds_in_reach": [k for k in DistributionKind if any(group.kind == k for group in in_reach)],
        "all_kinds": list(DistributionKind),
        "point_count": len(shown),
    }
    return render(request, "editions/where_to_find.html", context)


def jump_to_where_to_find(request: HttpRequest) -> HttpResponse:
    """Turn the filter form's ``?city=…&kind=…`` into the baked address of that choice.

    Unknown values are dropped rather than refused: the reader lands on the
    widest page that still makes sense.
    """
    city = request.GET.get("city", "")
    kind = request.GET.get("kind", "")
    has_city = bool(city) and DistributionPoint.objects.in_city(city).exists()
    has_kind = kind in DistributionKind.values
    if has_city and has_kind:
        target = reverse("editions:where-to-find-kind", kwargs={"city": city, "kind": kind})
    elif has_city:
        target = reverse("editions:where-to-find-city", kwargs={"city": city})
    elif has_kind:
        target = reverse("editions:where-to-find-everywhere", kwargs={"kind": kind})
    else:
        target = reverse("editions:where-to-find")
    return redirect(target)

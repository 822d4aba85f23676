from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from broadsheet.articles.models import ArticlePage
from broadsheet.core.pagination import paginate_newest_first, parse_page_number

from .models import Person


def author_page(request: HttpRequest, slug: str, number: str | None = None) -> HttpResponse:
    """An author's profile and their stories, newest first."""
    person = get_object_or_404(Person.objects.select_related("photo"), slug=slug)
    articles = ArticlePage.objects.published().written_by(person).for_teasers().tallied(f"author:{person.pk}")
    listing = paginate_newest_first(
        articles, parse_page_number(number), settings.BROADSHEET_PAGE_SIZE, person.get_absolute_url()
    )
    return render(request, "people/person_page.html", {"person": person, "listing": listing})

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def ticker_fragment(request: HttpRequest) -> HttpResponse:
    """The latest-news ticker alone, baked on every publish; ``ticker.js`` swaps it into pages.

    Pages are baked with the ticker of their bake; this small file is what
    keeps it current within a minute of a publish without rebaking them.
    """
    return render(request, "publishing/ticker_fragment.html")

"""The latest-news ticker shown on every page.

``{% load article_tags %}`` gives ``{% latest_news_ticker %}`` (needs
``request`` in the context to build the links).
"""

from django import template

from broadsheet.articles.models import ArticlePage

register = template.Library()

TICKER_COUNT = 5


@register.inclusion_tag("includes/ticker.html", takes_context=True)
def latest_news_ticker(context: template.Context) -> dict:
    # Headlines and times only: no images, authors or sections to load.
    articles = list(ArticlePage.objects.published().newest_first().defer_streamfields()[:TICKER_COUNT])
    return {"request": context.get("request"), "articles": articles}

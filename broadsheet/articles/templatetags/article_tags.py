"""A story's labels and byline, and the latest-news ticker shown on every page.

``{% load article_tags %}`` gives:

- ``{% kicker article %}``: the labels above a headline (section, kind).
- ``{% byline article link_authors=True %}``: "By A, B and Agency".
- ``{% latest_news_ticker %}`` (needs ``request`` in the context to build the links).

The kicker and the byline are written in Python rather than as included
templates: every story page and every teaser of a bake shows both (some
30,000 of each for 10,000 stories), and an ``{% include %}`` with its
parameters cost several times what they say.
"""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from broadsheet.articles.models import ArticlePage

register = template.Library()


@register.simple_tag(takes_context=True)
def kicker(context: template.Context, article) -> SafeString:
    """The section (linked) and the kind of story unless it is news.

    An opinion piece in the Opinion section gets one label, styled as the
    Opinion badge, rather than the same word twice.
    """
    section = article.section
    kind = article.get_kind_display()
    request = context.get("request")
    if section and article.kind != "news" and section.title.lower() == str(kind).lower():
        label = format_html(
            '<a class="kicker__section kicker__section--badge kicker__kind--{}" href="{}">{}</a>',
            article.kind,
            section.get_url(request),
            section.title,
        )
    else:
        parts = []
        if section:
            special = " kicker__section--special" if section.is_special else ""
            parts.append(
                format_html(
                    '<a class="kicker__section{}" href="{}">{}</a>', special, section.get_url(request), section.title
                )
            )
        if article.kind != "news":
            parts.append(format_html('<span class="kicker__kind kicker__kind--{}">{}</span>', article.kind, kind))
        label = mark_safe("\n".join(parts))  # each part built by format_html
    return format_html('<p class="kicker">{}</p>', label)


@register.simple_tag
def byline(article, link_authors: bool = False) -> SafeString:
    """ "By A, B and Agency": the authors (linked to their pages if ``link_authors``), then the credit."""
    authors, credit = article.authors(), article.byline_credit
    if not authors and not credit:
        return ""
    if link_authors:
        names = [
            format_html('<a class="byline__author" href="{}">{}</a>', person.get_absolute_url(), person.name)
            for person in authors
        ]
    else:
        names = [format_html('<span class="byline__author">{}</span>', person.name) for person in authors]
    if credit:
        names.append(format_html('<span class="byline__credit">{}</span>', credit))
    if len(names) > 1:
        names = [format_html("{} and {}", format_html_join(", ", "{}", ((name,) for name in names[:-1])), names[-1])]
    return format_html('<span class="byline">By {}</span>', names[0])


TICKER_COUNT = 5


@register.inclusion_tag("includes/ticker.html", takes_context=True)
def latest_news_ticker(context: template.Context) -> dict:
    # Headlines and times only: no images, authors or sections to load.
    articles = list(ArticlePage.objects.published().newest_first().defer_streamfields()[:TICKER_COUNT])
    return {"request": context.get("request"), "articles": articles}

"""Published stories with a chosen publication time."""

import datetime
import json

from broadsheet.articles.models import ArticleAuthor, ArticlePage, ArticleRelatedLink, ArticleTag
from broadsheet.sections.models import SectionPage


def paragraph(text: str) -> dict:
    return {"type": "paragraph", "value": f"<p>{text}</p>"}


def image_block(image, caption: str = "") -> dict:
    return {"type": "image", "value": {"image": image.pk, "caption": caption, "credit": ""}}


def make_article(
    section: SectionPage,
    title: str,
    published_at: datetime.datetime,
    *,
    slug: str = "",
    body: list[dict] | None = None,
    authors: tuple = (),
    tags: tuple = (),
    **fields,
) -> ArticlePage:
    """A live article first published at ``published_at`` (an aware datetime)."""
    article = ArticlePage(
        title=title,
        slug=slug,
        live=True,
        first_published_at=published_at,
        last_published_at=published_at,
        body=json.dumps(body if body is not None else [paragraph(f"The story of {title}.")]),
        **fields,
    )
    section.add_child(instance=article)
    for order, person in enumerate(authors):
        ArticleAuthor.objects.create(page=article, person=person, sort_order=order)
    for tag in tags:
        ArticleTag.objects.create(content_object=article, tag=tag)
    return article


HOUR = datetime.timedelta(hours=1)


def make_articles(
    section: SectionPage, count: int, first_at: datetime.datetime, step: datetime.timedelta = HOUR, prefix="Story"
) -> list[ArticlePage]:
    """``count`` stories an hour apart, oldest first, titled "Story 01", "Story 02"…"""
    return [
        make_article(section, f"{prefix} {number:02d}", first_at + step * (number - 1))
        for number in range(1, count + 1)
    ]


def pick_related(article: ArticlePage, *picks: ArticlePage) -> None:
    """The editor's picks for the Related block, in order."""
    for order, pick in enumerate(picks):
        ArticleRelatedLink.objects.create(page=article, related_page=pick, sort_order=order)

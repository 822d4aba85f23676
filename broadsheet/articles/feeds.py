"""Feeds of stories: the whole site's, and the base of the section, tag and author feeds.

``ArticleFeed`` is the site's feed; the narrower feeds (``sections/feeds.py``,
``taxonomy/feeds.py``, ``people/feeds.py``) override ``get_object``,
``articles`` and their titles. Every feed starts from ``published()`` and
loads its fifty items with ``for_feeds()`` plus one batch of body pictures,
so its query count does not grow with the items.
"""

import datetime

from broadsheet.core.blocks import load_body_images, preloaded_body_images
from broadsheet.core.models import SiteSettings
from broadsheet.feeds.base import BroadsheetFeed
from broadsheet.images.renditions import FEED_IMAGE_SPEC

from .catalogue import catalogue
from .models import ArticlePage
from .querysets import ArticleQuerySet


class ArticleFeed(BroadsheetFeed):
    """The newest published stories of the whole site."""

    def get_object(self, request, *args, **kwargs):
        return None

    def site_settings(self) -> SiteSettings:
        return SiteSettings.for_request(self.request)

    def articles(self, obj) -> ArticleQuerySet:
        """The stories this feed follows; ``items`` orders, limits and loads them."""
        return ArticlePage.objects.published()

    def items(self, obj) -> list[ArticlePage]:
        current = catalogue()
        if current is not None:
            # A full bake: which stories, then their rows, each loaded once for every feed.
            ids = list(self.articles(obj).newest_first().values_list("pk", flat=True)[: self.max_items])
            rows = current.feed_rows_by_id(ids)
            articles = [rows[pk] for pk in ids if pk in rows]
        else:
            articles = self.articles(obj).for_feeds().newest(self.max_items)
        self.body_images = load_body_images([article.body for article in articles])
        return articles

    # The feed -------------------------------------------------------------

    def title(self, obj) -> str:
        return self.site_settings().site_name

    def description(self, obj) -> str:
        settings = self.site_settings()
        return settings.tagline or f"The newest stories from {settings.site_name}."

    def link(self, obj) -> str:
        return self.absolute_url("/")

    def author_name(self, obj) -> str:
        # Atom needs an author for entries that have none of their own.
        return self.site_settings().site_name

    def feed_copyright(self, obj) -> str:
        settings = self.site_settings()
        return f"© Copyright {settings.copyright_years()} {settings.copyright_holder or settings.site_name}"

    # Its items ------------------------------------------------------------

    def item_title(self, article: ArticlePage) -> str:
        return article.title

    def item_description(self, article: ArticlePage) -> str:
        return article.standfirst

    def item_link(self, article: ArticlePage) -> str:
        return article.get_full_url(self.request)

    def item_pubdate(self, article: ArticlePage) -> datetime.datetime:
        return article.first_published_at

    def item_updateddate(self, article: ArticlePage) -> datetime.datetime:
        # Only a significant update is news to a reader; typo fixes are not.
        return article.significant_update_at or article.first_published_at

    def item_last_modified(self, article: ArticlePage) -> datetime.datetime | None:
        return article.last_published_at

    def item_guid_name(self, article: ArticlePage) -> str:
        return f"article-{article.pk}"

    def item_authors(self, article: ArticlePage) -> list[dict]:
        authors = [
            {"name": person.name, "url": self.absolute_url(person.get_absolute_url())} for person in article.authors()
        ]
        if article.byline_credit:
            authors.append({"name": article.byline_credit, "url": None})
        return authors

    def item_categories(self, article: ArticlePage) -> list[str]:
        section = [article.section.title] if article.section else []
        return section + [tagged.tag.name for tagged in article.tagged_items.all()]

    def item_content_html(self, article: ArticlePage) -> str:
        with preloaded_body_images(self.body_images):
            return "\n".join(block.render() for block in article.body)

    def item_image(self, article: ArticlePage) -> dict | None:
        if article.lead_image is None:
            return None
        rendition = article.lead_image.get_rendition(FEED_IMAGE_SPEC)
        return self.rendition_image(rendition, article.lead_credit, article.lead_image_caption)

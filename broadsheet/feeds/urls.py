"""Every public feed, under ``/feeds/``; each address ends in its type's extension,
so the baked site can serve it as a file (docs/feeds.md)."""

from django.urls import path

from broadsheet.articles.feeds import ArticleFeed
from broadsheet.people.feeds import AuthorFeed
from broadsheet.sections.feeds import SectionFeed
from broadsheet.taxonomy.feeds import TagFeed

from .generators import AtomFeed, JsonFeed, RssFeed

app_name = "feeds"

urlpatterns = [
    path("rss.xml", ArticleFeed(RssFeed), name="rss"),
    path("atom.xml", ArticleFeed(AtomFeed), name="atom"),
    path("feed.json", ArticleFeed(JsonFeed), name="json"),
    path("sections/<slug:slug>/rss.xml", SectionFeed(RssFeed), name="section-rss"),
    path("sections/<slug:slug>/atom.xml", SectionFeed(AtomFeed), name="section-atom"),
    path("tags/<slug:slug>/rss.xml", TagFeed(RssFeed), name="tag-rss"),
    path("tags/<slug:slug>/atom.xml", TagFeed(AtomFeed), name="tag-atom"),
    path("authors/<slug:slug>/rss.xml", AuthorFeed(RssFeed), name="author-rss"),
    path("authors/<slug:slug>/atom.xml", AuthorFeed(AtomFeed), name="author-atom"),
]

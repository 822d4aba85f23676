"""The published stories held in memory for one bake: who wrote them, how they relate.

Each article page of a bake would otherwise ask the database which stories
share its tags, which are its section's newest, who wrote each teaser, and
load those teasers again. Inside a ``core.memo`` scope these answers come
from one ``Catalogue`` per bake, read in a handful of queries over the
whole archive (a few milliseconds per thousand stories), so an article page
costs the same whatever the size of the archive.

The catalogue answers the same questions as the querysets it stands in for
(``related.related_article_ids``, ``ArticlePage.authors`` and ``topics``); the tests
compare both answers story by story. Outside a bake (readers' requests,
previews of unsaved changes) nothing here is used.
"""

import heapq
from collections import defaultdict

from wagtail.models import Page

from broadsheet.core.memo import BoundedCache, memo_whole_site, memoized, reused

from .related import choose

CACHED_TEASERS = 20000  # about 3 KB each: 55 MB at most
# Whole stories, bodies included (about 20 KB each): the few hundred newest
# stories fill every feed of the paper.
CACHED_FEED_ROWS = 2000


class Catalogue:
    def __init__(self) -> None:
        from broadsheet.people.models import Person
        from broadsheet.taxonomy.models import Tag

        from .models import ArticleAuthor, ArticlePage, ArticleRelatedLink, ArticleTag

        rows = ArticlePage.objects.published().newest_first().values_list("pk", "path", "depth")
        # Rank 0 is the newest story; every list below is kept in rank order.
        self.rank: dict[int, int] = {}
        self.by_parent: dict[tuple[str, int], list[int]] = defaultdict(list)
        for rank, (pk, path, depth) in enumerate(rows):
            self.rank[pk] = rank
            self.by_parent[(path[: -Page.steplen], depth)].append(pk)
        self.tags_of: dict[int, list[int]] = defaultdict(list)
        self.by_tag: dict[int, list[int]] = defaultdict(list)
        for tag_id, pk in ArticleTag.objects.order_by("pk").values_list("tag_id", "content_object_id"):
            self.tags_of[pk].append(tag_id)
            if pk in self.rank:
                self.by_tag[tag_id].append(pk)
        for pks in self.by_tag.values():
            pks.sort(key=self.rank.__getitem__)
        self.picks_of: dict[int, list[int]] = defaultdict(list)
        for page_id, related_id in ArticleRelatedLink.objects.order_by("page_id", "sort_order", "pk").values_list(
            "page_id", "related_page_id"
        ):
            self.picks_of[page_id].append(related_id)
        # Tags in the database's own order (its collation sorts the names),
        # so that a story's topics come out as ``page.tags.all()`` lists them.
        self.tags = {tag.pk: tag for tag in Tag.objects.all()}
        self.tag_rank = {pk: rank for rank, pk in enumerate(self.tags)}
        self.people = Person.objects.in_bulk()
        self.author_ids: dict[int, list[int]] = defaultdict(list)
        for page_id, person_id in ArticleAuthor.objects.order_by("page_id", "sort_order", "pk").values_list(
            "page_id", "person_id"
        ):
            self.author_ids[page_id].append(person_id)
        self.teasers = BoundedCache(CACHED_TEASERS)
        self.feed_rows = BoundedCache(CACHED_FEED_ROWS)

    # The Related block (see related.related_article_ids for the rule)

    def newest(self, pks: list[int], count: int, exclude: int) -> list[int]:
        return [pk for pk in pks[: count + 1] if pk != exclude][:count]

    def sharing_tags(self, article, count: int) -> list[int]:
        lists = [self.by_tag.get(tag_id, [])[: count + 1] for tag_id in set(self.tags_of.get(article.pk, []))]
        merged = heapq.merge(*lists, key=self.rank.__getitem__)
        return self.newest(list(dict.fromkeys(merged)), count, article.pk)

    def related_ids(self, article, limit: int) -> list[int]:
        picks = self.picks_of.get(article.pk, [])
        siblings = self.by_parent.get((article.path[: -Page.steplen], article.depth), [])
        groups = (
            [pk for pk in picks if pk in self.rank and pk != article.pk],
            self.sharing_tags(article, limit + len(picks)),
            self.newest(siblings, 2 * limit + len(picks), article.pk),
        )
        return choose(groups, limit)

    # Bylines and teasers

    def authors(self, article_pk: int) -> list:
        people = [self.people[pk] for pk in self.author_ids.get(article_pk, ()) if pk in self.people]
        reused(people)
        return people

    def topics(self, article_pk: int) -> list:
        ids = sorted(set(self.tags_of.get(article_pk, ())) & self.tags.keys(), key=self.tag_rank.__getitem__)
        topics = [self.tags[pk] for pk in ids]
        reused(topics)
        return topics

    def teasers_by_id(self, pks: list[int]) -> dict[int, object]:
        """Teaser-ready articles (``for_teasers``) by id, each loaded once per bake."""
        found = self._rows_by_id(self.teasers, pks, lambda queryset: queryset.for_teasers())
        # What each teaser shows, for the dependency record of the page showing it.
        reused(found.values())
        reused(article.section for article in found.values())
        reused(article.lead_image for article in found.values())
        for article in found.values():
            reused(article.authors())
        return found

    def feed_rows_by_id(self, pks: list[int]) -> dict[int, object]:
        """Feed-ready articles (``for_feeds``) by id, each loaded once per bake.

        A story is an item of the site's feeds and of its section's, tags'
        and authors' feeds, in RSS and Atom: loading its row, body, byline
        and tags for each of them was nearly half of a bake's feed time.
        """
        found = self._rows_by_id(self.feed_rows, pks, lambda queryset: queryset.for_feeds())
        # What each item shows, for the dependency record of the feed showing it.
        reused(found.values())
        for article in found.values():
            reused([article.section, article.lead_image, *article.authors()])
            reused(tagged.tag for tagged in article.tagged_items.all())
        return found

    @staticmethod
    def _rows_by_id(kept: BoundedCache, pks: list[int], prepare) -> dict[int, object]:
        """``pks``' articles from ``kept``, the missing ones loaded (``prepare`` shapes the query) and kept."""
        from .models import ArticlePage

        found = {pk: kept[pk] for pk in pks if pk in kept}
        if missing := [pk for pk in pks if pk not in found]:
            loaded = {article.pk: article for article in prepare(ArticlePage.objects.filter(pk__in=missing))}
            kept.add(loaded.items())
            found.update(loaded)
        return found


def catalogue() -> Catalogue | None:
    """This full bake's catalogue; None elsewhere (a rebake must not read the archive)."""
    return memoized("articles:catalogue", Catalogue) if memo_whole_site() else None


def attach_authors(articles: list) -> None:
    """Give each article its byline from the catalogue instead of a prefetch."""
    current = catalogue()
    for article in articles:
        article.__dict__["_catalogue_authors"] = current.authors(article.pk)


def attach_topics(article) -> None:
    """Give an article its tags from the catalogue instead of a prefetch."""
    article.__dict__["_catalogue_topics"] = catalogue().topics(article.pk)

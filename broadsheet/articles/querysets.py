"""What counts as published, and how teaser lists load, in one place.

Views, the ticker, related articles, feeds, sitemaps and baking all start
from ``ArticlePage.objects.published()`` so that the publication rule cannot
differ between them.
"""

import datetime

from django.db.models import CharField, Exists, F, Func, OuterRef
from django.db.models.expressions import Col
from django.db.models.query import ModelIterable
from django.utils import timezone
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet

from broadsheet.core.memo import memo_active, memoized, reused
from broadsheet.images.bulk import attach_lead_images
from broadsheet.images.renditions import FEED_IMAGE_SPEC, TEASER_IMAGE_SPECS

from .catalogue import attach_authors, catalogue


def attach_sections(articles: list, known_sections: tuple = ()) -> None:
    """Give each article its ``section`` in at most one query for the whole list.

    An article's section is its parent page; asking each teaser for
    ``get_parent()`` would cost a query per teaser. Sections the caller
    already holds (``known_sections``) are not fetched again.
    """
    from broadsheet.sections.models import SectionPage

    missing = [a for a in articles if "section" not in a.__dict__]
    by_path = {section.path: section for section in known_sections}
    unknown_paths = {a.path[: -Page.steplen] for a in missing} - by_path.keys()
    if unknown_paths and memo_active():
        # A bake asks this for every list and Related block: a paper has a
        # dozen sections, each loaded once per bake.
        remembered = memoized("articles:sections-by-path", dict)
        if new_paths := unknown_paths - remembered.keys():
            remembered.update((s.path, s) for s in SectionPage.objects.filter(path__in=new_paths))
        shown = [remembered[path] for path in unknown_paths if path in remembered]
        reused(shown)
        by_path.update((section.path, section) for section in shown)
    elif unknown_paths:
        by_path.update((s.path, s) for s in SectionPage.objects.filter(path__in=unknown_paths))
    for article in missing:
        article.section = by_path.get(article.path[: -Page.steplen])


# A section's tree path: root, home page, section (articles.0003's index).
SECTION_PATH_LENGTH = 3 * Page.steplen


class SectionPath(Func):
    """The first twelve characters of a page's tree path, the numbers written into the SQL.

    ``Substr("path", 1, 12)`` passes 1 and 12 as query parameters, and a
    database matches a query to an index on an expression only when the
    expressions are written the same (articles.0003).
    """

    output_field = CharField()
    template = f"SUBSTR(%(expressions)s, 1, {SECTION_PATH_LENGTH})"

    def __init__(self) -> None:
        super().__init__(F("path"))

    def as_postgresql(self, compiler, connection, **extra_context):
        template = f"SUBSTRING(%(expressions)s, 1, {SECTION_PATH_LENGTH})"
        return self.as_sql(compiler, connection, template=template, **extra_context)


class PageRowId(F):
    """The id column of ``wagtailcore_page`` itself, for ordering stories.

    ``order_by("-pk")`` on a story names ``articles_articlepage.page_ptr_id``:
    the same number, but a column of the other table, so no index can serve
    "newest first" and the database sorts every story of a list to keep the
    first few (a section's newest three: a full scan and a sort, which grows
    with the archive). The index on ``first_published_at`` holds each row's
    id (SQLite's rowid; PostgreSQL sorts only the ties), so ordering by the
    publication time, then this column, reads the list's first rows off the
    index. Django trims ``page_ptr__id`` to the child's column, hence this.
    """

    def __init__(self) -> None:
        super().__init__("first_published_at")

    def resolve_expression(self, query=None, allow_joins=True, reuse=None, summarize=False, for_save=False):
        published_at = super().resolve_expression(query, allow_joins, reuse, summarize, for_save)
        return Col(published_at.alias, Page._meta.pk)


def newest_first_order() -> tuple:
    return (F("first_published_at").desc(), PageRowId().desc())


def oldest_first_order() -> tuple:
    return (F("first_published_at").asc(), PageRowId().asc())


class SectionAttachingIterable(ModelIterable):
    """Articles with their sections and, when asked for, their lead pictures attached."""

    def __iter__(self):
        articles = list(super().__iter__())
        attach_sections(articles, self.queryset._known_sections)
        if self.queryset._lead_image_specs is not None:
            attach_lead_images(articles, *self.queryset._lead_image_specs)
        if self.queryset._authors_from_catalogue:
            attach_authors(articles)
        yield from articles


# How far back ``ArticleQuerySet.newest()`` looks for a tag's or an author's
# newest stories before it reads all of them: a month of a busy daily is
# some 3,000 stories, whatever the size of the archive.
RECENT_WINDOW = datetime.timedelta(days=30)


class ArticleQuerySet(PageQuerySet):
    # (the queryset before ``tagged``/``written_by``, that narrowing as an
    # EXISTS, the filters right after it): how ``newest`` finds the newest
    # stories off the time index.
    _narrowed: tuple | None = None
    # Sections the caller already has, handed to attach_sections (see with_sections).
    _known_sections: tuple = ()
    # Rendition specs of the lead pictures to attach (see for_teasers, for_feeds).
    _lead_image_specs: tuple | None = None
    # Bylines from a full bake's catalogue instead of a prefetch (see for_teasers).
    _authors_from_catalogue: bool = False
    # The list's name for ``total`` (see ``tallied``).
    _tally_key: str | None = None

    def _clone(self):
        clone = super()._clone()
        clone._narrowed = self._narrowed
        clone._known_sections = self._known_sections
        clone._lead_image_specs = self._lead_image_specs
        clone._authors_from_catalogue = self._authors_from_catalogue
        clone._tally_key = self._tally_key
        return clone

    def tallied(self, key: str) -> "ArticleQuerySet":
        """This list under the name ``key`` (``section:5``): ``total`` keeps its older part's length (``tallies``)."""
        clone = self._chain()
        clone._tally_key = key
        return clone

    def total(self) -> int:
        """``count()``; for a ``tallied`` list, without counting the months before this one again.

        What pagination asks for a front's "N stories" and its "older" link.
        """
        if self._tally_key is None:
            return self.count()
        from . import tallies

        before = tallies.month_start()
        older = tallies.count_before(self._tally_key, before, self.filter(first_published_at__lt=before).count)
        return older + self._since(before).count()

    def _since(self, moment) -> "ArticleQuerySet":
        """This list's stories first published since ``moment``, found off the publication-time index."""
        unnarrowed = self._unnarrowed()
        if unnarrowed is not None:
            # A tag's or an author's: the month's stories checked one by one
            # (an EXISTS each), not a list of all of the tag's stories.
            return unnarrowed.filter(self._narrowed[1], first_published_at__gte=moment)
        return self.filter(first_published_at__gte=moment)

    def _unnarrowed(self) -> "ArticleQuerySet | None":
        """This list without its ``tagged``/``written_by`` narrowing, if nothing was filtered after it; else None.

        For stories known to pass the narrowing already, or that ask it as an
        EXISTS instead: asked as ``pk IN`` (the tag's stories), SQLite lists
        all of a tag's stories first (8,000 of a busy tag at 100,000).
        """
        if self._narrowed is None:
            return None
        before, _narrowing, narrowed_where = self._narrowed
        if self.query.where != narrowed_where:
            return None
        clone = self._chain()
        clone.query.where = before.query.where.clone()
        return clone

    def published(self) -> "ArticleQuerySet":
        """Live, not behind a view restriction, with a publication time.

        ``public()`` would read the view restrictions on every call (a page
        calls this several times); a bake reads them once (core.memo).
        """
        private = memoized("articles:private_q", self.private_q)
        return self.live().exclude(private).filter(first_published_at__isnull=False)

    def in_section(self, section) -> "ArticleQuerySet":
        """The stories of ``section`` (its children), as the section index serves them.

        ``child_of()`` says the same with ``path LIKE 'prefix%'``, which no
        index serves; the first twelve characters of a story's path are its
        section's path (sections are the home page's children), and
        migration ``articles.0003`` indexes them with the publication time.
        """
        return self.in_section_at(section.path)

    def in_section_at(self, section_path: str) -> "ArticleQuerySet":
        """The stories of the section whose tree path is ``section_path`` (see ``in_section``)."""
        depth = len(section_path) // Page.steplen + 1
        if len(section_path) != SECTION_PATH_LENGTH:  # not a section: no index for it
            return self.filter(path__startswith=section_path, depth=depth)
        return self.alias(section_path=SectionPath()).filter(section_path=section_path, depth=depth)

    def newest_first(self) -> "ArticleQuerySet":
        return self.order_by(*newest_first_order())

    def tagged(self, tag_ids) -> "ArticleQuerySet":
        """The stories carrying any of ``tag_ids`` (each once); ``newest`` finds their newest quickly."""
        from .models import ArticleTag

        tag_ids = list(tag_ids)
        clone = self.filter(pk__in=ArticleTag.objects.filter(tag_id__in=tag_ids).values("content_object_id"))
        carries = ArticleTag.objects.filter(content_object_id=OuterRef("pk"), tag_id__in=tag_ids)
        clone._narrowed = (self, Exists(carries), clone.query.where.clone())
        return clone

    def written_by(self, person) -> "ArticleQuerySet":
        """The stories ``person`` wrote (each once); ``newest`` finds their newest quickly."""
        from .models import ArticleAuthor

        clone = self.filter(pk__in=ArticleAuthor.objects.filter(person=person).values("page_id"))
        wrote = Exists(ArticleAuthor.objects.filter(page_id=OuterRef("pk"), person=person))
        clone._narrowed = (self, wrote, clone.query.where.clone())
        return clone

    def newest(self, count: int) -> list:
        """The first ``count`` of this newest-first list, in two queries whatever the archive's size.

        A tag's or an author's newest stories (``tagged``, ``written_by``)
        were found by reading all of them and sorting them by time: 10,000
        stories for a busy tag of an archive of 100,000, on every publish.
        Here the newest of the last ``RECENT_WINDOW`` are looked for first,
        walking the publication-time index back until ``count`` are found (the
        narrowing asked as an EXISTS, which that walk checks story by story).
        When there are that many, they are the newest of all, and only those
        rows are loaded; a list quieter than that is read as before.
        """
        if self._narrowed is None or count <= 0:
            return list(self[:count])
        before, narrowing, _narrowed_where = self._narrowed
        since = timezone.now() - RECENT_WINDOW
        recent = before.filter(narrowing, first_published_at__gte=since).order_by(*newest_first_order())
        ids = list(recent.values_list("pk", flat=True)[:count])
        if len(ids) == count:
            # The same stories as this list's first ``count``, when each of
            # them passes this list's own filters too (this list is the
            # narrowed ``before``, filtered further at most). They passed the
            # narrowing already: with nothing filtered after it, by id alone.
            unnarrowed = self._unnarrowed()
            items = list((self if unnarrowed is None else unnarrowed).filter(pk__in=ids))
            if len(items) == count:
                return items
        return list(self[:count])

    def for_teasers(self) -> "ArticleQuerySet":
        """Newest first, with everything a teaser shows loaded in a fixed number of queries."""
        clone = self.newest_first().defer_streamfields()
        if catalogue() is not None:
            clone._authors_from_catalogue = True  # a full bake knows every byline
        else:
            clone = clone.prefetch_related("article_authors__person")
        clone._iterable_class = SectionAttachingIterable
        clone._lead_image_specs = tuple(TEASER_IMAGE_SPECS)
        return clone

    def for_feeds(self) -> "ArticleQuerySet":
        """Newest first, with everything a feed item carries (authors, tags, the lead
        picture's feed rendition, the section) loaded in a fixed number of queries."""
        clone = self.newest_first().prefetch_related("article_authors__person", "tagged_items__tag")
        clone._iterable_class = SectionAttachingIterable
        clone._lead_image_specs = (FEED_IMAGE_SPEC,)
        return clone

    def bake_rows_by_id(self, pks: list[int]) -> dict | None:
        """These teaser rows from a full bake's catalogue (``core.pagination``), or None: load them.

        Only a ``for_teasers()`` list qualifies (the catalogue holds exactly
        what a teaser shows), so a page of a list costs no query for the
        stories other lists have loaded already.
        """
        if not self._authors_from_catalogue or self.query.annotation_select:  # aliases (in_section) are fine
            return None
        return catalogue().teasers_by_id(pks)

    def headlines(self) -> "ArticleQuerySet":
        """Newest first with their sections, for lists that show headlines only."""
        clone = self.newest_first().defer_streamfields()
        clone._iterable_class = SectionAttachingIterable
        return clone

    def with_sections(self, sections) -> "ArticleQuerySet":
        """Use these section pages for the articles' ``section`` instead of fetching them."""
        clone = self._chain()
        clone._known_sections = tuple(sections)
        return clone


ArticleManager = PageManager.from_queryset(ArticleQuerySet)

"""Path-based pagination whose deep pages never move.

Every paginated list in Broadsheet (sections, tags, authors, date archives)
goes through ``paginate_newest_first``. Lists are shown newest first, but page
numbers count from the *oldest* end: page 1 holds the oldest ``per_page``
stories, page 2 the next, and so on. Only full pages get a number. The front
page (the list's own URL, no number) always shows the newest ``per_page``
stories, which covers every story not yet on a full numbered page.

Why: publishing a story changes the front page and at most adds a new
numbered page; every existing ``/page/N/`` keeps exactly its content. A baked
site therefore rebakes two files per list on publish, not the whole archive,
and a link to ``/news/page/120/`` still shows what it showed when shared.
The price is that the front page may repeat a few stories of the first page
linked from it ("Older stories").
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from .memo import memo_whole_site, memoized


@dataclass
class ListPage:
    """One page of a list, with what a template needs to link around it."""

    items: Sequence[Any]
    base_url: str
    number: int | None  # None: the front page
    total: int
    older_number: int | None = None
    newer_number: int | None = None
    has_newer: bool = False
    extra: dict = field(default_factory=dict)

    @property
    def is_front(self) -> bool:
        return self.number is None

    @property
    def older_url(self) -> str | None:
        return page_url(self.base_url, self.older_number) if self.older_number else None

    @property
    def newer_url(self) -> str | None:
        if not self.has_newer:
            return None
        return page_url(self.base_url, self.newer_number)

    @property
    def url(self) -> str:
        return page_url(self.base_url, self.number)


def page_url(base_url: str, number: int | None) -> str:
    """The path of page ``number`` of the list at ``base_url`` (which ends in /)."""
    return base_url if number is None else f"{base_url}page/{number}/"


def parse_page_number(raw: str | int | None) -> int | None:
    """A page number from the URL; anything but a positive integer is a 404."""
    if raw is None:
        return None
    text = str(raw)
    if not text.isascii() or not text.isdigit() or text.startswith("0"):
        raise Http404("No such page")
    return int(text)


def paginate_newest_first(queryset: QuerySet, number: int | None, per_page: int, base_url: str) -> ListPage:
    """Page ``number`` (None for the front) of a queryset ordered newest first.

    The queryset must have a total, stable order (a date then the primary
    key), newest first.
    """
    if memo_whole_site():
        return _paginate_from_ids(queryset, number, per_page, base_url)
    # A queryset may know a quicker way to its length (articles: a tallied list's).
    counter = getattr(queryset, "total", None)
    total = counter() if counter is not None else queryset.count()
    full_pages = total // per_page
    if number is None:
        # A queryset may know a quicker way to its newest (articles: a tag's, an author's).
        newest = getattr(queryset, "newest", None)
        items = newest(per_page) if newest is not None else list(queryset[:per_page])
        older = (total - per_page - 1) // per_page + 1 if total > per_page else None
        return ListPage(items, base_url, None, total, older_number=older)
    if number < 1 or number > full_pages:
        raise Http404("No such page")
    start = total - number * per_page
    items = list(queryset[start : start + per_page])
    return _numbered(items, base_url, number, total, full_pages)


def _paginate_from_ids(queryset: QuerySet, number: int | None, per_page: int, base_url: str) -> ListPage:
    """The same pages for a full bake, which renders every page of every list.

    Counting the list and skipping ``start`` rows for each of its pages would
    read the list once per page: a bake's cost would grow with the square of
    the archive. The list's ids are read once per bake instead (``core.memo``)
    and each page loads only its own stories.
    """
    # Every page of a list has the list's own address as its base URL, and
    # builds the same queryset from it: the base URL names the list. (Its
    # SQL did too, but compiling it cost a numbered page a millisecond.)
    ids = memoized(
        f"pagination:{queryset.model._meta.label}:{base_url}", lambda: list(queryset.values_list("pk", flat=True))
    )
    total = len(ids)
    full_pages = total // per_page
    if number is None:
        page_ids = ids[:per_page]
    elif 1 <= number <= full_pages:
        start = total - number * per_page
        page_ids = ids[start : start + per_page]
    else:
        raise Http404("No such page")
    # A queryset may know a cheaper way to its rows in a bake (articles: the
    # catalogue's teasers, shared by every list and Related block).
    by_ids = getattr(queryset, "bake_rows_by_id", None)
    if not page_ids:
        loaded = {}
    elif by_ids is not None and (rows := by_ids(page_ids)) is not None:
        loaded = rows
    else:
        loaded = {item.pk: item for item in queryset.filter(pk__in=page_ids)}
    items = [loaded[pk] for pk in page_ids if pk in loaded]
    if number is None:
        older = (total - per_page - 1) // per_page + 1 if total > per_page else None
        return ListPage(items, base_url, None, total, older_number=older)
    return _numbered(items, base_url, number, total, full_pages)


def _numbered(items: list, base_url: str, number: int, total: int, full_pages: int) -> ListPage:
    newer = number + 1 if number < full_pages else None
    return ListPage(
        items,
        base_url,
        number,
        total,
        older_number=number - 1 or None,
        newer_number=newer,
        has_newer=True,
    )

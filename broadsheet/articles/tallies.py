"""A list's length without counting its whole archive on every publish.

A section's, tag's or author's front shows how many stories it has and links
to its last numbered page (``core.pagination``), so it needs the list's
length: at 100,000 stories, counting the news section's 34,000 took 60 ms on
every publish, and a tag's 8,000 another 17. The length is split in two:

- the stories first published before this month began: counted once, kept in
  ``ArchiveTally`` and reused by every later publish;
- those since: counted on the spot, off the publication-time index (a
  month's stories at most, whatever the archive's size).

A new story only ever enters the second part. Whatever may move a story of
an earlier month into or out of a list (a story of an earlier month saved,
unpublished, moved or deleted; a view restriction added or removed) bumps
``ArchiveGeneration`` in the same transaction (``forget``), and tallies of
an older generation are never read again, so a tally counted from data that
was about to change is never used. The first front shown after such a change
counts its list whole, once, as before.
"""

import datetime
from collections.abc import Callable

from django.db.models import F, PositiveBigIntegerField, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from .models import ArchiveGeneration, ArchiveTally


def month_start(moment: datetime.datetime | None = None) -> datetime.datetime:
    """The start of ``moment``'s month (default: now), in UTC."""
    moment = (moment or timezone.now()).astimezone(datetime.UTC)
    return moment.replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def generation() -> int:
    return ArchiveGeneration.objects.filter(pk=1).values_list("number", flat=True).first() or 0


def forget() -> None:
    """Every tally is stale from now on (inside the caller's transaction, if any).

    One UPDATE: stale rows are deleted when the next tally is kept.
    """
    if not ArchiveGeneration.objects.filter(pk=1).update(number=F("number") + 1):
        ArchiveGeneration.objects.get_or_create(pk=1, defaults={"number": 1})


def _current_generation() -> Coalesce:
    """The generation as an expression, so a tally is looked up in the same query."""
    number = ArchiveGeneration.objects.filter(pk=1).values("number")[:1]
    return Coalesce(Subquery(number), Value(0), output_field=PositiveBigIntegerField())


def count_before(key: str, before: datetime.datetime, count: Callable[[], int]) -> int:
    """The list ``key``'s stories first published before ``before``: kept, or ``count()`` and kept."""
    kept = ArchiveTally.objects.filter(key=key, before=before, generation=_current_generation())
    found = kept.values_list("count", flat=True).first()
    if found is not None:
        return found
    current = generation()  # read before counting: a change committed meanwhile makes this tally stale
    counted = count()
    stale = ArchiveTally.objects.exclude(generation=current, before=before)  # a past generation's or month's
    stale._raw_delete(stale.db)  # one statement, no rows loaded (nor noted by a bake's record)
    tally = ArchiveTally(key=key, before=before, generation=current, count=counted)
    ArchiveTally.objects.bulk_create([tally], ignore_conflicts=True)
    return counted


def _is_older(story) -> bool:
    published = story.__dict__.get("first_published_at")  # never load a deferred field here
    return published is not None and published < month_start()


def _story_saved_or_deleted(sender, instance, **kwargs) -> None:
    if _is_older(instance):
        forget()


# A story's tag or byline row, written on its own (an import, a script) or with the story.
def _tag_saved_or_deleted(sender, instance, **kwargs) -> None:
    if _is_older(instance.content_object):
        forget()


def _byline_saved_or_deleted(sender, instance, **kwargs) -> None:
    if _is_older(instance.page):
        forget()


def _anything(sender, **kwargs) -> None:
    forget()


def register_signal_handlers() -> None:
    """Whatever may move an earlier month's story into or out of a list starts a new generation."""
    from django.db.models.signals import post_delete, post_save
    from wagtail.models import PageViewRestriction
    from wagtail.signals import page_unpublished, post_page_move

    from .models import ArticleAuthor, ArticlePage, ArticleTag

    # Saving a story of an earlier month (publishing it again with other tags
    # or authors, a draft) or deleting one.
    post_save.connect(_story_saved_or_deleted, sender=ArticlePage, dispatch_uid="articles_tallies_saved")
    post_delete.connect(_story_saved_or_deleted, sender=ArticlePage, dispatch_uid="articles_tallies_deleted")
    for link, handler in ((ArticleTag, _tag_saved_or_deleted), (ArticleAuthor, _byline_saved_or_deleted)):
        post_save.connect(handler, sender=link, dispatch_uid=f"articles_tallies_{link.__name__}_saved")
        post_delete.connect(handler, sender=link, dispatch_uid=f"articles_tallies_{link.__name__}_deleted")
    # An unpublished or moved page may be a section or a whole branch of stories.
    page_unpublished.connect(_anything, dispatch_uid="articles_tallies_unpublished")
    post_page_move.connect(_anything, dispatch_uid="articles_tallies_moved")
    # published() leaves out stories behind a password or a login.
    post_save.connect(_anything, sender=PageViewRestriction, dispatch_uid="articles_tallies_restricted")
    post_delete.connect(_anything, sender=PageViewRestriction, dispatch_uid="articles_tallies_unrestricted")

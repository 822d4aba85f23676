"""A published correction marks its article updated.

The article shows “Update: HH:MM” from ``significant_update_at`` (see the
articles app); a correction sets it to the note's publication time, on the
live article and on its latest revision, so that the next edit published
from the admin keeps it instead of restoring the time before the correction.
No new page revision is published: that could publish an editor's draft.

Publishing a note fires Wagtail's ``published`` signal (sender
``CorrectionNote``), which is also what baking listens to.
"""

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Q
from wagtail.signals import published

from .models import CorrectionNote


def mark_article_updated(sender, instance: CorrectionNote, **kwargs) -> None:
    from broadsheet.articles.models import ArticlePage

    moment = instance.last_published_at or instance.first_published_at
    if moment is None:
        return
    # Whole seconds: the revision's JSON would drop the microseconds, and readers see minutes.
    moment = moment.replace(microsecond=0)
    articles = ArticlePage.objects.filter(pk=instance.page_id)
    marked = articles.filter(Q(significant_update_at__isnull=True) | Q(significant_update_at__lt=moment)).update(
        significant_update_at=moment
    )
    if not marked:
        return  # already updated later than this correction
    article = articles.select_related("latest_revision").first()
    revision = article.latest_revision if article else None
    if revision is not None:
        revision.content["significant_update_at"] = DjangoJSONEncoder().default(moment)
        revision.save(update_fields=["content"])


def register_signal_handlers() -> None:
    published.connect(mark_article_updated, sender=CorrectionNote, dispatch_uid="corrections_mark_article_updated")

"""Give generated pages the history ``publish()`` would have left behind.

Each new page gets one revision (so the admin's history, compare and
"live version" views have something to show) and log entries for its
creation and publication, dated when the story was published rather than
when the command ran. Written in bulk: ``save_revision().publish()`` per
page would save every page twice more, fire ``page_published`` for each
story and stamp everything with the current time.
"""

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from modelcluster.models import get_all_child_relations
from wagtail.models import Page, PageLogEntry, Revision


def record_publication(pages: list[Page], user) -> None:
    base_type = ContentType.objects.get_for_model(Page)
    revisions = {
        page.pk: Revision(
            content_type_id=page.content_type_id,
            base_content_type=base_type,
            object_id=str(page.pk),
            created_at=page.last_published_at,
            user=user,
            object_str=str(page),
            content=page.serializable_data(),
        )
        for page in with_child_relations(pages)
    }
    Revision.objects.bulk_create(revisions.values(), batch_size=200)
    Page.objects.bulk_update(
        [
            Page(pk=pk, latest_revision_id=revision.pk, live_revision_id=revision.pk)
            for pk, revision in revisions.items()
        ],
        ["latest_revision", "live_revision"],
        batch_size=200,
    )
    entries = []
    for page in pages:
        common = {"page_id": page.pk, "content_type_id": page.content_type_id, "label": page.title, "user": user}
        entries.append(PageLogEntry(action="wagtail.create", timestamp=page.first_published_at, **common))
        entries.append(
            PageLogEntry(
                action="wagtail.publish",
                timestamp=page.last_published_at,
                revision=revisions[page.pk],
                content_changed=True,
                **common,
            )
        )
    PageLogEntry.objects.bulk_create(entries, batch_size=500)


def with_child_relations(pages: list[Page]) -> list[Page]:
    """The pages reloaded with their authors, tags, picks… in a query per relation, not per page."""
    ids_by_model: dict[type, list[int]] = defaultdict(list)
    for page in pages:
        ids_by_model[type(page)].append(page.pk)
    reloaded = []
    for model, ids in ids_by_model.items():
        relations = [relation.get_accessor_name() for relation in get_all_child_relations(model)]
        reloaded += model.objects.filter(pk__in=ids).prefetch_related(*relations)
    return reloaded

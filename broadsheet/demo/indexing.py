"""Index a bulk load once, at the end, instead of on every save.

Wagtail updates the search index and the reference index (the admin's
"usage" counts) from ``post_save`` handlers, one task per saved object and
several saves per page. For a load of hundreds of pages that is most of the
time spent; indexing what was saved once, afterwards, gives the same index.
"""

import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager

from django.db import models, transaction
from django.db.models.signals import post_save
from modelsearch import index
from modelsearch.backends import get_search_backends
from modelsearch.signal_handlers import post_save_signal_handler, register_signal_handlers
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update


class SavedObjects:
    """Everything saved during the load, newest instance per (model, pk)."""

    def __init__(self) -> None:
        self.objects: dict[tuple[type, object], models.Model] = {}
        self.indexed = 0
        self.seconds = 0.0

    def remember(self, sender: type, instance: models.Model, raw: bool = False, **kwargs) -> None:
        if not raw:
            self.objects[(type(instance), instance.pk)] = instance

    def index(self) -> int:
        """Index every saved object once; return how many were indexed."""
        by_model: dict[type, list[models.Model]] = defaultdict(list)
        for instance in self.objects.values():
            by_model[type(instance)].append(instance)
        indexed = set()
        with transaction.atomic():
            for model, instances in by_model.items():
                if index.class_is_indexed(model):
                    # One call per model: the database backend recomputes its
                    # title statistics after every call, not every object.
                    for backend in get_search_backends(with_auto_update=True):
                        backend.add_bulk(model, instances)
                    indexed.update((model, instance.pk) for instance in instances)
                if ReferenceIndex.is_indexed(model):
                    for instance in instances:
                        ReferenceIndex.create_or_update_for_object(instance)
                    indexed.update((model, instance.pk) for instance in instances)
        return len(indexed)


@contextmanager
def deferred_indexing() -> Iterator[SavedObjects]:
    saved = SavedObjects()
    searchable = [model for model in index.get_indexed_models() if getattr(model, "search_auto_update", True)]
    for model in searchable:
        post_save.disconnect(post_save_signal_handler, sender=model)
    post_save.connect(saved.remember, weak=False, dispatch_uid="broadsheet.demo.deferred_indexing")
    try:
        with disable_reference_index_auto_update():
            yield saved
    finally:
        post_save.disconnect(dispatch_uid="broadsheet.demo.deferred_indexing")
        register_signal_handlers()
    # Only reached when the load succeeded (and committed).
    started = time.monotonic()
    saved.indexed = saved.index()
    saved.seconds = time.monotonic() - started

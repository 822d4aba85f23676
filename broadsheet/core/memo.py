"""Lookups kept for the length of one bake, instead of repeated for every page.

A bake renders thousands of pages in a row while nothing it reads changes
(a change made meanwhile is replayed by a rebake afterwards). Within a
``memo_scope()`` block, ``memoized(name, factory)`` runs ``factory`` once
and hands the same answer to every later caller: the view restrictions,
every image with its renditions, the index the Related block is chosen from.
Outside a scope, which is every request a reader or an editor makes,
``memoized`` simply calls the factory, so the site answers exactly as before.

Why not Django's cache framework: the answers are Python objects (model
instances, ``Q`` objects, dicts of lists) that must not be pickled or shared
between processes, and they must vanish with the bake.
"""

import contextlib
from collections.abc import Callable, Iterable, Iterator
from contextvars import ContextVar
from typing import TypeVar

from django.db.models import Model

T = TypeVar("T")

_store: ContextVar[dict | None] = ContextVar("broadsheet_memo", default=None)
_reuse_listeners: list[Callable[[Model], None]] = []
_factory_wrappers: list[Callable[[], contextlib.AbstractContextManager]] = []


WHOLE_SITE = "memo:whole-site"


@contextlib.contextmanager
def memo_scope(whole_site: bool = False) -> Iterator[dict]:
    """Keep memoized answers for the rest of the block (one bake, one rebake).

    ``whole_site``: the block renders every page (a full bake), so lookups
    that read the whole archive at once pay for themselves. A rebake of a
    few pages must not read the archive: its cost would grow with it.
    """
    store: dict = {WHOLE_SITE: whole_site}
    token = _store.set(store)
    try:
        yield store
    finally:
        _store.reset(token)


def memo_active() -> bool:
    return _store.get() is not None


def memo_whole_site() -> bool:
    store = _store.get()
    return bool(store and store[WHOLE_SITE])


class BoundedCache(dict):
    """A dict that forgets its oldest half past ``limit`` entries, so a bake's memory stays flat.

    Pages of a bake reuse the same recent stories and pictures over and over;
    forgetting the least recently added now and then costs a few reloads,
    never the answer. (Forgetting everything at once made a bake of twice
    ``limit`` stories reload nearly every one of them.)
    """

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit

    def add(self, items: Iterable[tuple]) -> None:
        items = list(items)
        if len(self) + len(items) > self.limit:
            keep = max(self.limit // 2 - len(items), 0)
            newest = list(self.items())[len(self) - keep :] if keep else []
            self.clear()
            self.update(newest)
        self.update(items)


def memoized(name: str, factory: Callable[[], T]) -> T:
    """``factory()``, computed once per scope under ``name``; every time outside one."""
    store = _store.get()
    if store is None:
        return factory()
    try:
        return store[name]
    except KeyError:
        with contextlib.ExitStack() as stack:
            for wrapper in _factory_wrappers:
                stack.enter_context(wrapper())
            value = store[name] = factory()
        return value


def on_reuse(listener: Callable[[Model], None]) -> None:
    """Call ``listener`` with each model instance a page reuses from the memo.

    A page that reads an instance from the memo never loads it, so whatever
    watches loading (the bake's dependency record) hears of it here instead.
    """
    if listener not in _reuse_listeners:
        _reuse_listeners.append(listener)


def around_factories(wrapper: Callable[[], contextlib.AbstractContextManager]) -> None:
    """Run every memo factory inside ``wrapper()``.

    A factory reads for every page to come, not for the page that happens to
    ask first: the bake's dependency record must not be told that this page
    shows the whole archive.
    """
    if wrapper not in _factory_wrappers:
        _factory_wrappers.append(wrapper)


def reused(instances: Iterable[Model | None]) -> None:
    """Tell the listeners that the page being rendered shows these instances."""
    if not _reuse_listeners:
        return
    for instance in instances:
        if instance is not None:
            for listener in _reuse_listeners:
                listener(instance)

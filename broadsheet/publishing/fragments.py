"""Parts every page shares, rendered once per bake instead of once per page.

The navigation, the ticker, the "More from the paper" rail and the footer
are the same on thousands of pages (or on all pages of one section), and a
story's teaser is the same on every list and Related block that shows it. While a
bake renders, ``{% bake_once "name" %}…{% endbake_once %}`` keeps the first
rendering of each and reuses it; the page records ``fragment:<name>`` rather
than everything the fragment loaded, so that a story entering the ticker
does not make every page depend on it. Outside a bake the tag renders its
contents as if it were not there.
"""

import contextlib
import hashlib
import os
import shutil
import tempfile
from collections.abc import Callable, Hashable, Iterator
from contextvars import ContextVar
from pathlib import Path

from django.template import Context

from broadsheet.core.memo import BoundedCache, memo_scope

_cache: ContextVar[dict | None] = ContextVar("broadsheet_bake_fragments", default=None)


def _current_section_pk(context: Context) -> int | None:
    from broadsheet.sections.templatetags.section_tags import current_section

    section = current_section(context)
    return section.pk if section is not None else None


def _navigation_vary(context: Context) -> Hashable:
    # The menu marks the section being read: aria-current="page" on the
    # section's own front, "true" anywhere else inside it.
    from broadsheet.sections.templatetags.section_tags import current_section

    section = current_section(context)
    if section is None:
        return None
    request = context.get("request")
    return section.pk, request is not None and request.path == section.get_url(request)


# Everything a story's teaser shows comes from the story and the include's
# parameters (components/article_teaser.html).
TEASER_PARAMETERS = ("variant", "level", "show_image", "show_standfirst", "relative_time", "image_sizes")


def _teaser_vary(context: Context) -> Hashable:
    return (context["article"].pk, *(context.get(name) for name in TEASER_PARAMETERS))


# What each shared fragment's output depends on, besides the site itself.
VARY: dict[str, Callable[[Context], Hashable]] = {
    "ticker": lambda context: None,
    "footer": lambda context: None,
    # The stylesheet, the scripts and the site's feed links in every page's head.
    "assets": lambda context: None,
    "site_feeds": lambda context: None,
    "navigation": _navigation_vary,
    "rail": _current_section_pk,
    "teaser": _teaser_vary,
}

# Fragments of one item rather than of the site: the page that shows a teaser
# loaded its story (and so recorded it) before rendering the teaser, so the
# page depends on the story itself, not on a site-wide ``fragment:`` key.
PER_ITEM = {"teaser"}
# They are kept in a bounded cache (about 1.5 KB each: 45 MB at most), since
# there are as many as the archive has stories.
CACHED_ITEM_FRAGMENTS = 30000
_ITEMS = "per-item fragments"
_SHARED = "shared per-item fragments"


def item_fragments(store: dict) -> BoundedCache:
    """The per-item fragments of this bake's ``store``."""
    items = store.get(_ITEMS)
    if items is None:
        items = store[_ITEMS] = BoundedCache(CACHED_ITEM_FRAGMENTS)
    return items


class SharedItemFragments:
    """Per-item fragments shared by a full bake's rendering processes: one file each in a scratch folder.

    Why: each rendering process keeps its own fragments, and the lists that
    show a story's teaser (its section's, its tags', its authors', its day's)
    land in any process, so with two processes most teasers were rendered
    twice (about 0.75 ms each, some 30,000 renderings for 10,000 stories
    instead of 21,000). Reading one another process wrote costs a twentieth
    of that. Why files and not Django's cache or a ``multiprocessing``
    manager: the fragments live for one bake and need no server, and a
    manager answers each lookup through a round trip to a third process.

    A fragment is written under a temporary name and renamed, so a reader
    sees the whole of it or nothing; two processes rendering the same one at
    once both write the same text. A fragment that cannot be written (a
    full disk) is simply not shared.
    """

    def __init__(self, folder: Path | str) -> None:
        self.folder = str(folder)
        self.suffix = f".{os.getpid()}.tmp"

    def path(self, key: Hashable) -> str:
        # The keys are tuples of numbers, strings, booleans and None, whose
        # repr is the same in every process (unlike hash(), salted per process).
        return os.path.join(self.folder, hashlib.blake2b(repr(key).encode(), digest_size=16).hexdigest())

    def get(self, key: Hashable) -> str | None:
        try:
            with open(self.path(key), "rb") as handle:
                return handle.read().decode()
        except (OSError, UnicodeDecodeError):
            # Not there yet (the usual case), or unreadable: rendered here instead.
            return None

    def put(self, key: Hashable, text: str) -> None:
        path = self.path(key)
        temporary = path + self.suffix
        try:
            with open(temporary, "wb") as handle:
                handle.write(text.encode())
            os.replace(temporary, path)
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


SCRATCH_PREFIX = "broadsheet-bake-fragments-"


def scratch_parent() -> str:
    """Where a bake's shared fragments go: memory (``/dev/shm``) where there is one, else the temporary folder.

    On the disk, each small write waited behind the bake's own writes of its
    pages (0.9 ms a fragment, more than rendering it). In memory they take
    about 1.2 KB per teaser (some 25 MB for 10,000 stories) until the bake ends.
    """
    shm = "/dev/shm"
    return shm if os.path.isdir(shm) and os.access(shm, os.W_OK | os.X_OK) else tempfile.gettempdir()


@contextlib.contextmanager
def scratch_folder() -> Iterator[str]:
    """A scratch folder for one bake's shared fragments, removed when the bake ends.

    A bake that was killed could not remove its own; the next one removes
    every folder whose bake process is gone (the process id is in the name).
    """
    parent = scratch_parent()
    for entry in os.scandir(parent):
        owner = entry.name.removeprefix(SCRATCH_PREFIX).split("-")[0]
        if entry.name.startswith(SCRATCH_PREFIX) and owner.isdigit() and not _process_alive(int(owner)):
            shutil.rmtree(entry.path, ignore_errors=True)
    with tempfile.TemporaryDirectory(prefix=f"{SCRATCH_PREFIX}{os.getpid()}-", dir=parent) as folder:
        yield folder


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True


def item_fragment(store: dict, key: Hashable, render: Callable[[], str]) -> str:
    """The fragment of one item under ``key``: kept by this process, else by another, else ``render()``."""
    items = item_fragments(store)
    rendered = items.get(key)
    if rendered is None:
        shared = store.get(_SHARED)
        rendered = shared.get(key) if shared is not None else None
        if rendered is None:
            rendered = render()
            if shared is not None:
                shared.put(key, rendered)
        items.add([(key, rendered)])
    return rendered


def cached_fragments() -> dict | None:
    return _cache.get()


@contextlib.contextmanager
def fragments_cached(whole_site: bool = False, shared_folder: Path | str | None = None) -> Iterator[dict]:
    """Keep shared fragments for the rest of the block (one bake, one rebake).

    ``whole_site``: a full bake, which may read the whole archive once (core.memo).
    ``shared_folder``: a scratch folder where the bake's rendering processes
    share per-item fragments (``SharedItemFragments``).
    """
    store: dict = {}
    if shared_folder is not None:
        store[_SHARED] = SharedItemFragments(shared_folder)
    token = _cache.set(store)
    try:
        # The same block is one bake's worth of unchanging lookups (core.memo).
        with memo_scope(whole_site):
            yield store
    finally:
        _cache.reset(token)

"""Incremental publishing: rebake exactly the URLs a change shows up on, in the live build.

The URLs come from the dependency record (``BakedDependency``): every URL
that rendered a changed object or shows the front of a list the change
enters. Each file is written under a temporary name and renamed into place
(``layout.write_file``). A URL that now answers 404 is removed; one that
now redirects (Wagtail's redirects, a moved page) leaves a redirect behind.
Links to URLs the live build does not have yet (a new tag, a new numbered
page, a new day) are followed and baked too.

Nothing here reads or writes anything whose size grows with the archive:
whether a URL is baked is asked of the file system, the manifest's URL log is
appended to, and its head (the redirects) is rewritten only when a redirect
comes or goes (``layout``).
"""

import logging
import re
import time
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from . import layout, output
from .fragments import fragments_cached
from .models import BakedDependency
from .purge import purge
from .render import Renderer

logger = logging.getLogger("broadsheet.publishing")

TICKER_URL = "/fragments/ticker.html"
NUMBERED = re.compile(r"^(.*/)page/(\d+)/$")
# Files only search engines read: the sitemap index and every sitemap but the
# news one. They are the slowest URLs a publish rebakes (the month's sitemap,
# the index: docs/performance.md), and nobody waits for them, so a publish
# rebakes them in a task of their own on the default queue (``part``).
FOR_CRAWLERS = re.compile(r"^/sitemap\.xml$|^/sitemaps/(?!news\.xml$)")
READERS, CRAWLERS = "readers", "crawlers"
# A bound on following new links from rebaked pages (a publish adds a
# handful: its tags, a day, a numbered page).
MAX_NEW_URLS = 200


@dataclass
class RebakeSummary:
    written: list[str] = field(default_factory=list)
    redirected: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    seconds: float = 0.0
    cpu_seconds: float = 0.0

    @property
    def urls(self) -> list[str]:
        return self.written + self.redirected + self.removed


def urls_for_keys(keys: Iterable[str]) -> set[str]:
    keys = list(keys)
    if not keys:
        return set()
    return set(BakedDependency.objects.filter(key__in=keys).values_list("url", flat=True).distinct())


def later_numbered_pages(urls: set[str], root: Path) -> set[str]:
    """Numbered pages after any in ``urls`` of the same list: a removal shifts them all by one.

    Only the ``page/`` folders of those lists are listed, not every baked URL.
    """
    firsts: dict[str, int] = {}
    for url in urls:
        if match := NUMBERED.match(url):
            base, number = match.group(1), int(match.group(2))
            firsts[base] = min(number, firsts.get(base, number))
    later = set()
    for base, first in firsts.items():
        for url in layout.numbered_pages(root, base):
            if int(NUMBERED.match(url).group(2)) > first:
                later.add(url)
    return later


# The narrower lists a story is on: its tags' and authors' fronts and feeds
# and its day's and month's archives. Fewer readers wait for them than for
# the home page, the section fronts and the site's feeds.
NARROW_LISTS = re.compile(r"^/(?:tags|authors|feeds/tags|feeds/authors)/|^/\d{4}/\d{2}/(?:\d{2}/)?$")


def readers_first(urls: list[str]) -> list[str]:
    """``urls`` in the order readers need them, the order otherwise kept.

    First the pages everyone reads (the story itself, the home page, its
    section, the site's feeds and the news sitemap), then the narrower lists
    (``NARROW_LISTS``), then the files only crawlers read. A rebake writes
    them one by one, so the home page shows a new story a few hundred
    milliseconds sooner than if it waited behind its tags and authors.
    """
    return sorted(urls, key=lambda url: (bool(FOR_CRAWLERS.match(url)), bool(NARROW_LISTS.match(url))))


def in_part(url: str, part: str | None) -> bool:
    return part is None or (part == CRAWLERS) == bool(FOR_CRAWLERS.match(url))


def rebake(
    urls: Iterable[str] = (), keys: Iterable[str] = (), shift: bool = False, reason: str = "", part: str | None = None
) -> RebakeSummary:
    """Rebake ``urls`` and every URL depending on ``keys`` into the live build.

    ``shift``: something left a list (unpublished, deleted, moved away), so
    the numbered pages after it move by one and are rebaked too. ``part``:
    only the URLs readers see (``READERS``) or only the files crawlers read
    (``CRAWLERS``); None: both, readers' first.

    Two rebakes may run at once (the publishing queue's thread and the
    default queue's): each file is replaced whole, and the manifest is
    updated under a lock at the end.
    """
    summary = RebakeSummary()
    root = layout.live_dir()
    if root is None:
        return summary  # nothing baked yet: the first full bake will have it all
    started, cpu_started = time.monotonic(), time.thread_time()  # the other queue's thread may be busy too
    wanted = list(dict.fromkeys(urls))
    wanted += sorted(urls_for_keys(keys) - set(wanted))
    if shift and part != CRAWLERS:
        wanted += sorted(later_numbered_pages(set(wanted), root) - set(wanted))
    wanted = readers_first([url for url in wanted if in_part(url, part)])
    layout.journal_urls(wanted)
    renderer = Renderer()
    left_out = set(layout.read_head(root).get("left_out", ()))  # a partial build's, for benchmarks
    record: dict[str, set[str]] = {}
    pages: dict[str, dict | None] = {}  # changes to the URL log
    redirects: dict[str, dict | None] = {}  # changes to the head
    media: set[str] = set()
    with fragments_cached():
        queue, seen, added = deque(wanted), set(wanted) | left_out, 0
        while queue:
            url = queue.popleft()
            rendered = renderer.render(url)
            stored = output.store(root, rendered)
            pages[url] = redirects[url] = None
            record[url] = set()
            if stored is None:
                remove_url(root, url)
                summary.removed.append(url)
                continue
            section, entry = stored
            if section == "redirects":
                redirects[url] = entry
                summary.redirected.append(url)
                continue
            pages[url] = entry
            summary.written.append(url)
            record[url] = rendered.keys
            media |= rendered.media
            for link in sorted(rendered.links - seen):
                seen.add(link)
                if not layout.is_baked(root, link) and added < MAX_NEW_URLS:
                    queue.append(link)
                    added += 1
    output.copy_media(root, media)
    with layout.manifest_lock(root):
        layout.append_url_log(root, pages)
        head = layout.read_head(root)
        before = dict(head["redirects"])
        for url, entry in redirects.items():
            if entry is None:
                head["redirects"].pop(url, None)
            else:
                head["redirects"][url] = entry
        if head["redirects"] != before:
            layout.write_head(root, head)
        save_record(record)
    summary.seconds = time.monotonic() - started
    summary.cpu_seconds = time.thread_time() - cpu_started
    logger.info(
        "Rebaked %d URLs (%d redirects, %d removed) in %.2fs (%.2fs CPU)%s",
        len(summary.written),
        len(summary.redirected),
        len(summary.removed),
        summary.seconds,
        summary.cpu_seconds,
        f": {reason}" if reason else "",
    )
    purge([renderer.full_url(url) for url in summary.urls])
    return summary


def remove_url(root: Path, url: str) -> None:
    try:
        layout.remove_file(root, layout.url_to_relative_path(url))
    except layout.NotBakeable:
        pass


def save_record(record: dict[str, set[str]]) -> None:
    with transaction.atomic():
        old = BakedDependency.objects.filter(url__in=list(record))
        old._raw_delete(old.db)  # one statement; the record's rows need no delete signals
        BakedDependency.objects.bulk_create(
            [BakedDependency(url=url, key=key) for url, keys in record.items() for key in keys], batch_size=2000
        )

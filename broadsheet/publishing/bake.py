"""A full bake: every public URL into a new build, then one atomic switch.

``Baker.run()`` is the recipe; each step is a method a subclass may
override. URLs are found by crawling from the seeds (the home page,
robots.txt, the sitemap) and what the ``broadsheet_bake_urls`` hook adds,
following same-site links in ``<a href>``, ``<link href>`` and sitemap and
feed ``<loc>``/``<link>`` elements. Pages render in several processes, each
with its own ``Renderer`` and shared-fragment cache.
"""

import gc
import logging
import multiprocessing
import os
import resource
import time
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import connection, connections, transaction
from wagtail import hooks

from . import layout, output
from .fragments import fragments_cached, scratch_folder
from .models import BakedDependency
from .render import NOT_FOUND_PROBE, Renderer

logger = logging.getLogger("broadsheet.publishing")

SEEDS = ("/", "/robots.txt", "/sitemap.xml")
BATCH_SIZE = 16


@dataclass
class PageResult:
    """What a worker sends back about one URL (the body stays on disk)."""

    url: str
    status: int
    section: str | None = None  # "urls" or "redirects" in the manifest
    entry: dict | None = None
    links: set[str] = field(default_factory=set)
    media: set[str] = field(default_factory=set)
    keys: set[str] = field(default_factory=set)
    cpu_seconds: float = 0.0  # rendering and writing it, in its rendering process


@dataclass
class BakeSummary:
    build: Path | None = None
    pages: int = 0
    redirects: int = 0
    skipped: int = 0
    media: int = 0
    static: int = 0
    seconds: float = 0.0
    peak_memory_mb: float = 0.0
    worker_peak_memory_mb: float = 0.0
    processes: int = 1
    cpu_seconds: float = 0.0  # this process and its rendering processes
    render_seconds: float = 0.0  # of ``seconds``: the crawl; the rest writes the manifest, record and files
    prune_seconds: float = 0.0  # after ``seconds``: deleting builds older than the previous one

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.seconds if self.seconds else 0.0

    @property
    def pages_per_cpu_second(self) -> float:
        """Throughput of one core, whatever else the machine is doing."""
        return self.pages / self.cpu_seconds if self.cpu_seconds else 0.0

    def line(self) -> str:
        return (
            f"Baked {self.pages} URLs ({self.redirects} redirects, {self.skipped} skipped, {self.media} media, "
            f"{self.static} static files) in {self.seconds:.1f}s: {self.pages_per_second:.0f} pages/s "
            f"with {self.processes} processes ({self.pages_per_cpu_second:.0f} per CPU-second); "
            f"peak memory {self.peak_memory_mb:.0f} MB "
            f"(largest worker {self.worker_peak_memory_mb:.0f} MB)"
            + (f"; live: {self.build.name}" if self.build else "; dry run, nothing written")
            + (f"; old builds removed in {self.prune_seconds:.1f}s" if self.prune_seconds else "")
        )


# Per-process state of a rendering worker (set up once after the fork).
_worker_renderer: Renderer | None = None
_worker_scope = None
# Links this process has reported already: every page repeats the menu's,
# the footer's and the teasers', and the crawl needs each only once, so
# they are not sent (pickled) again with every page.
_worker_links_sent: set[str] = set()


def _start_worker(shared_folder: str | None = None) -> None:
    """Set up a rendering process; ``shared_folder``: where it shares teasers with the others."""
    global _worker_renderer, _worker_scope
    _worker_links_sent.clear()
    _worker_renderer = Renderer()
    # The shared-fragment cache and memo live as long as the worker: one bake.
    # The scope is kept referenced: a context manager that is garbage
    # collected closes its generator, which would end the scope at once.
    _worker_scope = fragments_cached(whole_site=True, shared_folder=shared_folder)
    _worker_scope.__enter__()


def _start_rendering_process(shared_folder: str) -> None:
    """The initializer of a forked rendering process of a full bake."""
    _start_worker(shared_folder)
    tune_garbage_collector()


# Objects a rendering process allocates between two collections of the
# youngest generation (Python's default: 700).
GC_YOUNGEST_THRESHOLD = 5000


def tune_garbage_collector() -> None:
    """Collect garbage less often in a rendering process: its memo only grows, and a page makes few cycles.

    Rendering a page allocates tens of thousands of objects, nearly all freed
    by reference counting, while the bake's memo (catalogue, teasers,
    renditions) keeps growing; with Python's defaults the cycle collector
    ran some 2,500 times per process in a bake of 10,000 stories, walking
    that memo each time (about 5% of the rendering). Everything the process
    inherited from the bake's main process is frozen out of the collector's
    walks too (which also spares those pages from being copied on write).
    Measured: a bake spent 55% less time collecting.
    """
    gc.freeze()
    gc.set_threshold(GC_YOUNGEST_THRESHOLD, *gc.get_threshold()[1:])


def render_batch(build: str | None, urls: list[str]) -> list[PageResult]:
    """Render ``urls`` and write them into ``build`` (None: dry run)."""
    if _worker_renderer is None:
        _start_worker()
    results = []
    started = time.thread_time()
    _worker_renderer.preload(urls)
    for url in urls:
        rendered = _worker_renderer.render(url)
        if build:
            # The build is not live yet: files are written in place, not renamed.
            section, entry = output.store(Path(build), rendered, atomic=False) or (None, None)
        else:
            section, entry = ("urls" if rendered.status == 200 else None), None
        now = time.thread_time()
        cpu, started = now - started, now
        links, media, keys = rendered.links - _worker_links_sent, rendered.media, rendered.keys
        _worker_links_sent.update(links)
        results.append(PageResult(url, rendered.status, section, entry, links, media, keys, cpu))
    return results


def bake_processes() -> int:
    configured = settings.BROADSHEET_BAKE_PROCESSES
    return configured if configured > 0 else (os.cpu_count() or 1)


class Baker:
    def __init__(
        self,
        processes: int | None = None,
        dry_run: bool = False,
        progress: Callable[[int, int], None] | None = None,
        url_limit: int | None = None,
    ) -> None:
        self.processes = processes or bake_processes()
        # Stop following links after this many URLs: a partial site, for
        # benchmarks that need a live build quickly. Never for production.
        self.url_limit = url_limit
        self.left_out: set[str] = set()
        self.dry_run = dry_run
        self.progress = progress
        self.results: dict[str, PageResult] = {}
        self.summary = BakeSummary(processes=self.processes)

    def run(self) -> BakeSummary:
        started = time.monotonic()
        self.own_usage = resource.getrusage(resource.RUSAGE_SELF)
        self.children_usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        with layout.bake_lock():
            wall_started = time.time()
            build = None if self.dry_run else layout.new_build_dir()
            self.render_site(build)
            self.summary.render_seconds = time.monotonic() - started
            if build is not None:
                self.write_not_found(build)
                self.summary.static = self.copy_static(build)
                self.summary.media = self.copy_media(build)
                self.write_manifest(build)
                self.save_record()
                layout.swap_live(build)
                self.replay_journal(wall_started)
            self.summary.build = build
            # The new build is live: what readers and editors wait for ends here.
            self.summary.seconds = time.monotonic() - started
            own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
            if build is not None:
                # Housekeeping, reported apart: deleting a build of the whole
                # site (tens of thousands of files) takes seconds of system time.
                pruning = time.monotonic()
                layout.prune_builds()
                self.summary.prune_seconds = time.monotonic() - pruning
        self.summary.cpu_seconds = sum(
            now.ru_utime + now.ru_stime - then.ru_utime - then.ru_stime
            for now, then in ((own, self.own_usage), (children, self.children_usage))
        )
        self.summary.peak_memory_mb = own.ru_maxrss / 1024
        self.summary.worker_peak_memory_mb = children.ru_maxrss / 1024
        logger.info(self.summary.line())
        return self.summary

    # The steps

    def seeds(self) -> list[str]:
        urls = list(SEEDS)
        for hook in hooks.get_hooks("broadsheet_bake_urls"):
            urls.extend(url for url in hook() if url not in urls)
        return urls

    def render_site(self, build: Path | None) -> None:
        """Crawl from the seeds, rendering each URL once, in ``self.processes`` processes."""
        target = str(build) if build else None
        seen = set(self.seeds())
        pending = deque(sorted(seen))
        if self.processes == 1:
            _worker_links_sent.clear()
            with fragments_cached(whole_site=True):
                renderer = Renderer()
                while pending:
                    batch = [pending.popleft() for _ in range(min(BATCH_SIZE, len(pending)))]
                    global _worker_renderer
                    _worker_renderer = renderer
                    try:
                        self.collect(render_batch(target, batch), seen, pending)
                    finally:
                        _worker_renderer = None
            return
        # Forked workers must not share the parent's database connections.
        connections.close_all()
        context = multiprocessing.get_context("fork")
        with (
            scratch_folder() as shared_folder,
            ProcessPoolExecutor(
                self.processes, mp_context=context, initializer=_start_rendering_process, initargs=(shared_folder,)
            ) as pool,
        ):
            running = set()
            while pending or running:
                while pending and len(running) < self.processes * 3:
                    batch = [pending.popleft() for _ in range(min(BATCH_SIZE, len(pending)))]
                    running.add(pool.submit(render_batch, target, batch))
                done, running = wait(running, return_when=FIRST_COMPLETED)
                for future in done:
                    self.collect(future.result(), seen, pending)

    def collect(self, results: Iterable[PageResult], seen: set[str], pending: deque) -> None:
        for result in results:
            self.results[result.url] = result
            if result.section == "urls":
                self.summary.pages += 1
            elif result.section == "redirects":
                self.summary.redirects += 1
            else:
                self.summary.skipped += 1
                if result.status >= 500:
                    logger.error("Bake: %s answered %s", result.url, result.status)
            for link in sorted(result.links - seen):
                if self.url_limit and len(seen) >= self.url_limit:
                    self.left_out.add(link)
                    continue
                seen.add(link)
                pending.append(link)
        if self.progress:
            self.progress(len(self.results), len(seen))

    def write_not_found(self, build: Path) -> None:
        rendered = Renderer().render(NOT_FOUND_PROBE)
        layout.write_file(build, layout.NOT_FOUND_NAME, rendered.body)

    def copy_static(self, build: Path) -> int:
        return output.copy_static(build, layout.live_dir())

    def copy_media(self, build: Path) -> int:
        names = set().union(*(result.media for result in self.results.values())) if self.results else set()
        return output.copy_media(build, names)

    def write_manifest(self, build: Path) -> None:
        manifest: dict = {"build": build.name, "not_found": layout.NOT_FOUND_NAME, "urls": {}, "redirects": {}}
        if self.left_out:
            # A partial build: rebakes must not go and bake what it left out.
            manifest["left_out"] = sorted(self.left_out - self.results.keys())
        for url, result in sorted(self.results.items()):
            if result.section:
                manifest[result.section][url] = result.entry
        layout.write_manifest(build, manifest)

    def save_record(self) -> None:
        baked = [(url, result) for url, result in self.results.items() if result.section == "urls"]
        rows = [(url, key) for url, result in baked for key in sorted(result.keys)]
        # Plain SQL: a bake records hundreds of thousands of rows (about 30 per
        # URL), which model instances and ``bulk_create`` take four times as
        # long to write; ``delete()`` would load every old row to send its
        # delete signals, which the record's rows never need.
        table = connection.ops.quote_name(BakedDependency._meta.db_table)
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {table}")
            cursor.executemany(f"INSERT INTO {table} (url, {connection.ops.quote_name('key')}) VALUES (%s, %s)", rows)

    def replay_journal(self, since: float) -> None:
        """Redo in the new build what incremental rebakes changed while it was being made."""
        from .publish import rebake

        urls = layout.journal_since(since)
        layout.truncate_journal()
        if urls:
            rebake(urls, reason="changes made during the full bake")

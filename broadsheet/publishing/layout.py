"""Where baked files live, and how one is written so that no reader sees half of it.

The bake directory (``BROADSHEET_BAKE_DIR``) holds::

    builds/<build-id>/   one complete bake each
    live -> builds/<id>  the build servers read; swapped atomically
    .lock                held by a full bake (one at a time)
    journal              URLs rebaked incrementally, replayed by a full bake
                         that was running meanwhile (see bake.Baker.replay)

Inside a build, an HTML URL ``/a/b/`` is ``a/b/index.html``, a URL ending in
a file extension is that path (``/feeds/rss.xml``), the not-found page is
``404.html``, static files are under ``static/`` and media under ``media/``.
``.bake.json`` maps every baked URL to its file, content type and time.
Text files get ``.gz`` and ``.br`` twins beside them.
"""

import contextlib
import datetime
import fcntl
import gzip
import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from posixpath import splitext
from urllib.parse import unquote

import brotli
from django.conf import settings
from django.utils import timezone

MANIFEST_NAME = ".bake.json"
NOT_FOUND_NAME = "404.html"
COMPRESSED_EXTENSIONS = {".html", ".xml", ".json", ".txt", ".css", ".js", ".svg", ".ics", ".map"}
KEEP_BUILDS = 2
# Pages: quality 6 costs ≈ 1.5 ms for a 50 KB page and is within 1% of 9's
# size, which costs ≈ 20 ms (measured here). Static files are compressed
# once and reused, so they get the smallest output.
BROTLI_QUALITY = 6
BROTLI_QUALITY_STATIC = 11
# gzip: level 6 takes two thirds of level 9's time on a page for output
# within 0.5% of its size (measured on a 38 KB article page here).
GZIP_LEVEL = 6


class NotBakeable(ValueError):
    """A URL that has no file of its own under the URL contract."""


def bake_dir() -> Path:
    return Path(settings.BROADSHEET_BAKE_DIR)


def live_dir() -> Path | None:
    """The build readers see now, or None before the first bake."""
    live = bake_dir() / "live"
    return live.resolve() if live.is_symlink() and live.resolve().is_dir() else None


def url_to_relative_path(url: str) -> str:
    """``/a/b/`` -> ``a/b/index.html``; ``/feeds/rss.xml`` -> ``feeds/rss.xml``."""
    path = unquote(url.split("?", 1)[0].split("#", 1)[0])
    if not path.startswith("/") or "\x00" in path:
        raise NotBakeable(url)
    parts = [part for part in path.split("/") if part]
    if any(part in (".", "..") or part.startswith(".") for part in parts):
        raise NotBakeable(url)
    if path.endswith("/"):
        return "/".join([*parts, "index.html"])
    if parts and splitext(parts[-1])[1]:
        return "/".join(parts)
    raise NotBakeable(url)


def is_compressible(relative_path: str) -> bool:
    return splitext(relative_path)[1].lower() in COMPRESSED_EXTENSIONS


def write_file(
    root: Path, relative_path: str, content: bytes, mtime: float | None = None, compress: bool | None = None
) -> None:
    """Write ``content`` and its compressed twins, each by rename from a temporary name.

    The twins go first, so that when the plain file appears its ``.gz`` and
    ``.br`` already match it.
    """
    target = root / relative_path
    target.parent.mkdir(parents=True, exist_ok=True)
    files = [(target, content)]
    if is_compressible(relative_path) if compress is None else compress:
        files = [
            (target.with_name(target.name + ".gz"), gzip.compress(content, compresslevel=GZIP_LEVEL, mtime=0)),
            (target.with_name(target.name + ".br"), brotli.compress(content, quality=BROTLI_QUALITY)),
            *files,
        ]
    for path, data in files:
        temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        temporary.write_bytes(data)
        if mtime is not None:
            os.utime(temporary, (mtime, mtime))
        os.replace(temporary, path)


def remove_file(root: Path, relative_path: str) -> None:
    target = root / relative_path
    for path in (target.with_name(target.name + ".gz"), target.with_name(target.name + ".br"), target):
        path.unlink(missing_ok=True)


def link_or_copy(source: Path, target: Path) -> None:
    """Hard-link when source and target share a file system (free), else copy."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        os.link(source, temporary)
    except OSError:
        shutil.copy2(source, temporary)
    os.replace(temporary, target)


def new_build_dir() -> Path:
    stamp = timezone.now().strftime("%Y%m%dT%H%M%S")
    build = bake_dir() / "builds" / f"{stamp}-{os.getpid()}"
    build.mkdir(parents=True)
    return build


def swap_live(build: Path) -> None:
    """Point ``live`` at ``build`` in one step: a new symlink renamed over the old one."""
    live = bake_dir() / "live"
    temporary = bake_dir() / f".live.{os.getpid()}.tmp"
    temporary.unlink(missing_ok=True)
    os.symlink(Path("builds") / build.name, temporary)
    os.replace(temporary, live)


def prune_builds(keep: int = KEEP_BUILDS) -> list[Path]:
    """Remove all but the newest ``keep`` complete builds, never the live one.

    Unfinished builds of killed bakes (no manifest) go too, once no bake
    holds the lock (the caller holds it).
    """
    builds_root = bake_dir() / "builds"
    if not builds_root.is_dir():
        return []
    live = live_dir()
    builds = sorted((p for p in builds_root.iterdir() if p.is_dir()), key=lambda p: p.name, reverse=True)
    complete = [p for p in builds if (p / MANIFEST_NAME).exists()]
    keep_set = set(complete[:keep]) | ({live} if live else set())
    removed = [p for p in builds if p not in keep_set]
    for path in removed:
        shutil.rmtree(path, ignore_errors=True)
    return removed


@contextlib.contextmanager
def bake_lock(blocking: bool = True) -> Iterator[bool]:
    """One full bake at a time (yields False if ``blocking`` is off and another runs)."""
    bake_dir().mkdir(parents=True, exist_ok=True)
    with open(bake_dir() / ".lock", "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | (0 if blocking else fcntl.LOCK_NB))
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def read_manifest(root: Path) -> dict:
    try:
        return json.loads((root / MANIFEST_NAME).read_text())
    except FileNotFoundError:
        return {"urls": {}, "redirects": {}}


def write_manifest(root: Path, manifest: dict) -> None:
    manifest["written_at"] = timezone.now().isoformat()
    # Servers read it from disk; it is never sent compressed.
    content = json.dumps(manifest, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
    write_file(root, MANIFEST_NAME, content, compress=False)


@contextlib.contextmanager
def manifest_lock(root: Path) -> Iterator[None]:
    """Serialise read-modify-write of one build's manifest between rebake tasks."""
    with open(root / ".manifest.lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def journal_urls(urls: list[str]) -> None:
    """Note incrementally rebaked URLs so a full bake running meanwhile can redo them."""
    bake_dir().mkdir(parents=True, exist_ok=True)
    stamp = datetime.datetime.now(datetime.UTC).timestamp()
    with open(bake_dir() / "journal", "a") as handle:
        handle.writelines(f"{stamp:.3f} {url}\n" for url in urls)


def journal_since(moment: float) -> list[str]:
    try:
        lines = (bake_dir() / "journal").read_text().splitlines()
    except FileNotFoundError:
        return []
    urls = []
    for line in lines:
        stamp, _, url = line.partition(" ")
        if float(stamp) >= moment and url not in urls:
            urls.append(url)
    return urls


def truncate_journal() -> None:
    (bake_dir() / "journal").unlink(missing_ok=True)

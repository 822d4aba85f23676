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
Text files get ``.gz`` and ``.br`` twins beside them.

Each build also holds its manifest, in two files, so that a rebake's cost
does not grow with the number of baked URLs:

``.bake.json``
    the build's head: its id, the not-found file, the redirects (which
    servers read), and for a partial build the URLs it left out. Small; a
    rebake rewrites it only when a redirect comes or goes.
``.bake-urls.jsonl``
    every baked URL's file, content type and time, one JSON object a line:
    written whole by a full bake, appended to by each rebake (a later line
    wins; ``{"url", "removed": true}`` takes a URL out). Nothing on the
    publishing path reads it; ``read_manifest`` replays it for tools.

Whether a URL is baked is asked of the file system (``is_baked``), and the
numbered pages of a list are those in its ``page/`` folder.
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
URLS_LOG_NAME = ".bake-urls.jsonl"
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
    root: Path,
    relative_path: str,
    content: bytes,
    mtime: float | None = None,
    compress: bool | None = None,
    atomic: bool = True,
) -> None:
    """Write ``content`` and its compressed twins, each by rename from a temporary name.

    The twins go first, so that when the plain file appears its ``.gz`` and
    ``.br`` already match it. ``atomic=False`` writes in place: only for a
    build nobody serves yet (a full bake's), where the renames cost a tenth
    of a page's time and protect no reader.
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
        if not atomic:
            path.write_bytes(data)
            if mtime is not None:
                os.utime(path, (mtime, mtime))
            continue
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
    name = f"{stamp}-{os.getpid()}"
    (bake_dir() / "builds").mkdir(parents=True, exist_ok=True)
    # A second bake by the same process within the same second (a setting
    # saved just after a bake) gets a suffix that sorts after the first.
    for attempt in range(1, 100):
        build = bake_dir() / "builds" / (name if attempt == 1 else f"{name}-{attempt}")
        try:
            build.mkdir()
        except FileExistsError:
            continue
        return build
    raise FileExistsError(build)


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


def read_head(root: Path) -> dict:
    """The build's ``.bake.json``: id, not-found file, redirects (and ``left_out``)."""
    try:
        head = json.loads((root / MANIFEST_NAME).read_text())
    except FileNotFoundError:
        head = {}
    head.setdefault("redirects", {})
    return head


def write_head(root: Path, head: dict) -> None:
    head = {name: value for name, value in head.items() if name != "urls"}
    head["written_at"] = timezone.now().isoformat()
    # Servers read it from disk; it is never sent compressed.
    content = json.dumps(head, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
    write_file(root, MANIFEST_NAME, content, compress=False)


def url_log_line(url: str, entry: dict | None) -> str:
    """One line of ``.bake-urls.jsonl``: the URL's entry, or None for a URL no longer baked as a page."""
    record = {"url": url, **entry} if entry is not None else {"url": url, "removed": True}
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"


def write_url_log(root: Path, urls: dict[str, dict]) -> None:
    """The whole log, for a full bake: one line per baked URL."""
    content = "".join(url_log_line(url, entry) for url, entry in sorted(urls.items())).encode()
    write_file(root, URLS_LOG_NAME, content, compress=False)


def append_url_log(root: Path, changes: dict[str, dict | None]) -> None:
    """Add a rebake's changes in one write (callers hold ``manifest_lock``)."""
    if changes:
        with open(root / URLS_LOG_NAME, "a", encoding="utf-8") as handle:
            handle.write("".join(url_log_line(url, entry) for url, entry in changes.items()))


def read_urls(root: Path) -> dict[str, dict]:
    """Every URL baked as a page now, with its entry (replays the whole log: not for the publishing path)."""
    urls: dict[str, dict] = {}
    try:
        lines = (root / URLS_LOG_NAME).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return urls
    for line in lines:
        record = json.loads(line)
        url = record.pop("url")
        if record.get("removed"):
            urls.pop(url, None)
        else:
            urls[url] = record
    return urls


def read_manifest(root: Path) -> dict:
    """The whole manifest as one object: the head with ``urls`` from the log."""
    return {**read_head(root), "urls": read_urls(root)}


def write_manifest(root: Path, manifest: dict) -> None:
    """A full bake's manifest: the log of every URL first, then the head (which marks the build complete)."""
    write_url_log(root, manifest.get("urls", {}))
    write_head(root, manifest)


def is_baked(root: Path, url: str) -> bool:
    """Whether the build has a file (a page or a redirect stub) for ``url``."""
    try:
        return (root / url_to_relative_path(url)).is_file()
    except NotBakeable:
        return False


def numbered_pages(root: Path, base_url: str) -> list[str]:
    """The baked ``<base_url>page/N/`` pages of one list, from its ``page/`` folder."""
    try:
        folder = (root / url_to_relative_path(base_url)).parent / "page"
    except NotBakeable:
        return []
    try:
        names = [entry.name for entry in os.scandir(folder) if entry.is_dir() and entry.name.isdigit()]
    except FileNotFoundError:
        return []
    return [f"{base_url}page/{name}/" for name in names if (folder / name / "index.html").is_file()]


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

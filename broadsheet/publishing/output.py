"""Turn rendered responses into files of a build: pages, redirects, media, static."""

import datetime
import gzip
import html
import os
from pathlib import Path

import brotli
from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.files.storage import default_storage

from .layout import BROTLI_QUALITY_STATIC, NotBakeable, is_compressible, link_or_copy, url_to_relative_path, write_file
from .render import Rendered

REDIRECT_STUB = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Moved</title>
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url={url}">
<link rel="canonical" href="{url}"></head>
<body><p>This page has moved to <a href="{url}">{url}</a>.</p></body></html>
"""


def modified_iso(timestamp: float | None) -> str:
    moment = datetime.datetime.fromtimestamp(timestamp or 0, datetime.UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def store(root: Path, rendered: Rendered, atomic: bool = True) -> tuple[str, dict] | None:
    """Write a 200 as its file and a redirect as a stub; return its manifest section and entry.

    Servers that read the manifest answer a recorded redirect with a real
    301; the stub is for those that only serve files. ``atomic``: see
    ``layout.write_file`` (a full bake writes its new build in place).
    """
    try:
        relative = url_to_relative_path(rendered.url)
    except NotBakeable:
        return None
    if rendered.status == 200:
        write_file(root, relative, rendered.body, mtime=rendered.last_modified, atomic=atomic)
        entry = {"file": relative, "type": rendered.content_type, "modified": modified_iso(rendered.last_modified)}
        return "urls", entry
    if rendered.location and relative.endswith(".html"):
        write_file(root, relative, REDIRECT_STUB.format(url=html.escape(rendered.location)).encode(), atomic=atomic)
        return "redirects", {"file": relative, "location": rendered.location, "status": rendered.status}
    return None


def copy_media(root: Path, names: set[str]) -> int:
    """Copy the uploads pages show (renditions, photos) from storage into ``media/``."""
    copied = 0
    for name in sorted(names):
        if ".." in name.split("/") or name.startswith("/"):
            continue
        target = root / "media" / name
        if target.exists() or not default_storage.exists(name):
            continue
        try:
            source = Path(default_storage.path(name))
        except NotImplementedError:
            target.parent.mkdir(parents=True, exist_ok=True)
            with default_storage.open(name) as handle:
                write_file(root, f"media/{name}", handle.read())
        else:
            link_or_copy(source, target)
        copied += 1
    return copied


def static_sources() -> list[tuple[str, Path]]:
    """Every static file as (path under STATIC_URL, file on disk).

    With hashed names (``ManifestStaticFilesStorage``, production) the pages
    name files collected into ``STATIC_ROOT``, so those are copied; otherwise
    the files come straight from the finders, as ``runserver`` serves them.
    """
    if hasattr(staticfiles_storage, "manifest_name"):
        static_root = Path(settings.STATIC_ROOT)
        if not (static_root / staticfiles_storage.manifest_name).exists():
            raise FileNotFoundError(
                f"{static_root} has no {staticfiles_storage.manifest_name}: run collectstatic first."
            )
        return [(str(p.relative_to(static_root)), p) for p in static_root.rglob("*") if p.is_file()]
    sources: dict[str, Path] = {}
    for finder in finders.get_finders():
        for path, storage in finder.list([]):
            prefix = getattr(storage, "prefix", None)
            name = f"{prefix}/{path}" if prefix else path
            sources.setdefault(name.replace("\\", "/"), Path(storage.path(path)))
    return sorted(sources.items())


def copy_static(root: Path, previous: Path | None) -> int:
    """Copy static files, with compressed twins; reuse the previous build's twins when unchanged."""
    count = 0
    for name, source in static_sources():
        target = root / "static" / name
        link_or_copy(source, target)
        count += 1
        if not is_compressible(name):
            continue
        old = previous / "static" / name if previous else None
        stat = source.stat()
        if old and old.exists() and old.stat().st_size == stat.st_size and old.stat().st_mtime == stat.st_mtime:
            twins = [old.with_name(old.name + suffix) for suffix in (".gz", ".br")]
            if all(twin.exists() for twin in twins):
                for twin in twins:
                    link_or_copy(twin, target.with_name(twin.name))
                continue
        write_compressed_twins(target, source, stat.st_mtime, stat.st_size)
    return count


def write_compressed_twins(target: Path, source: Path, mtime: float, size: int) -> None:
    key = (str(source), mtime, size)
    if key not in _compressed:
        data = source.read_bytes()
        _compressed[key] = (
            gzip.compress(data, compresslevel=9, mtime=0),
            brotli.compress(data, quality=BROTLI_QUALITY_STATIC),
        )
    for suffix, data in zip((".gz", ".br"), _compressed[key], strict=True):
        twin = target.with_name(target.name + suffix)
        temporary = twin.with_name(f".{twin.name}.tmp")
        temporary.write_bytes(data)
        os.utime(temporary, (mtime, mtime))
        os.replace(temporary, twin)


# Compressed static files by (path, mtime, size): a process that bakes
# more than once (the worker, the tests) compresses each file once.
_compressed: dict[tuple, tuple[bytes, bytes]] = {}

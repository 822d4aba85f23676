"""Finding a baked file for a URL, and the HTTP headers it is served with.

The bake directory's layout is the contract shared with ``broadsheet bake``:
``<bake dir>/live`` is a symlink to the current build; the HTML page ``/a/b/`` is
``a/b/index.html``; a URL with a file extension is the file of that name; ``.gz``
and ``.br`` variants lie beside every text file; ``404.html`` is at the root;
``static/`` holds hashed asset names. ``deploy/nginx.conf`` serves the same tree
with the same rules, types and headers (a test compares the two).

Every lookup goes through the ``live`` symlink, so an atomic swap to a new build
and a file renamed into place by an incremental bake are served from the next
request on. Nothing here touches Django's database.
"""

import json
import os
import posixpath
import re
from collections import OrderedDict
from dataclasses import dataclass
from email.utils import formatdate, parsedate_to_datetime
from functools import cached_property
from pathlib import Path

# Types by extension, the same list as the ``types`` block of deploy/nginx.conf.
CONTENT_TYPES = {
    ".html": "text/html",
    ".css": "text/css",
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".json": "application/json",
    ".map": "application/json",
    ".webmanifest": "application/manifest+json",
    ".xml": "application/xml",
    ".xsl": "application/xslt+xml",
    ".txt": "text/plain",
    ".ics": "text/calendar",
    ".csv": "text/csv",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".avif": "image/avif",
    ".ico": "image/x-icon",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".pdf": "application/pdf",
}
DEFAULT_CONTENT_TYPE = "application/octet-stream"
# Text is baked in UTF-8; these types say so (nginx's ``charset_types``).
CHARSET_TYPES = frozenset(
    {
        "text/html",
        "text/css",
        "text/javascript",
        "application/json",
        "application/manifest+json",
        "application/xml",
        "application/xslt+xml",
        "text/plain",
        "text/calendar",
        "text/csv",
        "image/svg+xml",
    }
)
# Best first: brotli is smaller than gzip for the same page.
ENCODINGS = (("br", ".br"), ("gzip", ".gz"))

# Hashed file names never change content: cache them for a year.
IMMUTABLE_CACHE_CONTROL = "public, max-age=31536000, immutable"
# Pages change when news breaks: a minute, then ask again (a 304 is cheap).
PAGE_CACHE_CONTROL = "public, max-age=60, must-revalidate"
IMMUTABLE_PREFIXES = ("/static/",)
# Sitemaps are for crawlers to read, not to list in results: the header
# Django's sitemap views send (``django.contrib.sitemaps.views.x_robots_tag``),
# which the baked copies must keep. deploy/nginx.conf sends the same.
SITEMAP = re.compile(r"^/(?:sitemap\.xml|sitemaps/[^/]+\.xml)$")
SITEMAP_ROBOTS = "noindex, noodp, noarchive"

# Never answered from files, even if a bake wrote something there.
DYNAMIC_PREFIXES = ("/admin/", "/report-error/", "/search/", "/jump/", "/documents/")

# Files up to this size are kept in each worker's memory, keyed by inode, mtime
# and size, so a hot page costs a stat() and no read (about 1.5x the throughput
# of sending it from disk each time, measured with wrk).
MEMORY_CACHE_FILE_LIMIT = 1024 * 1024
MEMORY_CACHE_TOTAL_LIMIT = 64 * 1024 * 1024
# Headers worked out per version of a file, and per Accept-Encoding value seen.
METADATA_CACHE_LIMIT = 50_000

MANIFEST_NAME = ".bake.json"


@dataclass(frozen=True)
class BakedFile:
    """One file on disk, and how to send it."""

    path: str
    content_type: str
    encoding: str | None
    size: int
    mtime: int
    etag: str
    last_modified: str
    cache_control: str
    vary: bool
    # (inode, mtime in ns, size): which version of the file this describes.
    identity: tuple[int, int, int] = (0, 0, 0)
    robots: str | None = None  # an X-Robots-Tag header (sitemaps)

    @cached_property
    def raw_headers(self) -> list[tuple[bytes, bytes]]:
        """The 200 response's headers, encoded once per version of the file."""
        headers = [(name.encode("latin-1"), value.encode("latin-1")) for name, value in self.headers()]
        return [*headers, (b"content-length", str(self.size).encode("ascii"))]

    def headers(self) -> list[tuple[str, str]]:
        headers = [
            ("content-type", self.content_type),
            ("etag", self.etag),
            ("last-modified", self.last_modified),
            ("cache-control", self.cache_control),
        ]
        if self.encoding:
            headers.append(("content-encoding", self.encoding))
        if self.vary:
            headers.append(("vary", "Accept-Encoding"))
        if self.robots:
            headers.append(("x-robots-tag", self.robots))
        return headers

    def is_not_modified(self, if_none_match: str | None, if_modified_since: str | None) -> bool:
        """RFC 9110 §13.2.2: If-None-Match wins; If-Modified-Since only without it."""
        if if_none_match is not None:
            tags = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
            return "*" in tags or self.etag in tags
        if if_modified_since:
            try:
                since = parsedate_to_datetime(if_modified_since).timestamp()
            except (TypeError, ValueError, IndexError, OverflowError):
                return False
            return self.mtime <= since
        return False


@dataclass(frozen=True)
class Redirect:
    location: str
    status: int


def configured_bake_dir() -> Path:
    """``BROADSHEET_BAKE_DIR``: the setting if the project defines it, else the
    environment variable, else ``<BROADSHEET_VAR_DIR>/bake`` (the bake command's default)."""
    from django.conf import settings

    configured = getattr(settings, "BROADSHEET_BAKE_DIR", None) or os.environ.get("BROADSHEET_BAKE_DIR")
    return Path(configured) if configured else Path(settings.VAR_DIR) / "bake"


def content_type_for(name: str) -> str:
    content_type = CONTENT_TYPES.get(posixpath.splitext(name)[1].lower(), DEFAULT_CONTENT_TYPE)
    if content_type in CHARSET_TYPES:
        return f"{content_type}; charset=utf-8"
    return content_type


def accepted_encodings(accept_encoding: str | None) -> set[str]:
    """The codings a client takes, honouring ``;q=0`` refusals."""
    accepted = set()
    for item in (accept_encoding or "").lower().split(","):
        coding, *params = item.split(";")
        quality = 1.0
        for param in params:
            key, _, value = param.strip().partition("=")
            if key == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if coding.strip() and quality > 0:  # q=0 means "not acceptable"
            accepted.add(coding.strip())
    return accepted


def is_dynamic(path: str) -> bool:
    return path.startswith(DYNAMIC_PREFIXES)


def relative_file_name(path: str) -> str | None:
    """``/a/b/`` → ``a/b/index.html``; ``/robots.txt`` → ``robots.txt``; else None.

    None for anything that cannot be a baked file: a path that climbs out of the
    tree, hides a dot-file, contains a NUL or a backslash, or names no file.
    """
    if not path.startswith("/") or "\x00" in path or "\\" in path:
        return None
    if path.endswith("/"):
        name = path[1:] + "index.html"
    else:
        name = path[1:]
    if not name or name.startswith("/") or posixpath.normpath(name) != name:
        return None  # "..", "//", "/./" and friends; a leading "/" would escape os.path.join
    if any(part.startswith(".") and part != ".well-known" for part in name.split("/")):
        return None
    return name


class BakedSite:
    """Looks up baked files under ``<bake dir>/live`` for request paths."""

    def __init__(self, bake_dir: str | os.PathLike):
        self.root = os.path.join(os.fspath(bake_dir), "live")
        self._files: dict[tuple, BakedFile] = {}
        self._accept_encoding: dict[str, tuple[tuple[str, str], ...]] = {}
        self._bodies: OrderedDict[tuple, bytes] = OrderedDict()
        self._bodies_size = 0
        self._manifest_key: tuple | None = None
        self._redirects: dict[str, Redirect] = {}

    def find(self, path: str, accept_encoding: str | None = None) -> BakedFile | None:
        name = relative_file_name(path)
        if name is None:
            return None
        robots = SITEMAP_ROBOTS if SITEMAP.match(path) else None
        return self.file(name, accept_encoding, immutable=path.startswith(IMMUTABLE_PREFIXES), robots=robots)

    def file(
        self, name: str, accept_encoding: str | None = None, immutable: bool = False, robots: str | None = None
    ) -> BakedFile | None:
        full = os.path.join(self.root, name)
        try:
            stat = os.stat(full)
        except (OSError, ValueError):
            return None
        if not _is_regular(stat):
            return None
        content_type = content_type_for(name)
        compressible = content_type.partition(";")[0] in CHARSET_TYPES
        encoding = None
        if compressible and accept_encoding:
            for coding, suffix in self._encodings(accept_encoding):
                try:
                    variant = os.stat(full + suffix)
                except OSError:
                    continue
                if _is_regular(variant):
                    full, stat, encoding = full + suffix, variant, coding
                    break
        identity = (stat.st_ino, stat.st_mtime_ns, stat.st_size)
        key = (full, identity, immutable, robots)
        baked = self._files.get(key)
        if baked is None:
            if len(self._files) > METADATA_CACHE_LIMIT:
                self._files.clear()
            mtime = int(stat.st_mtime)
            baked = self._files[key] = BakedFile(
                path=full,
                content_type=content_type,
                encoding=encoding,
                size=stat.st_size,
                mtime=mtime,
                # nginx's format, so both fronts give a CDN the same validators.
                etag=f'"{mtime:x}-{stat.st_size:x}"',
                last_modified=formatdate(mtime, usegmt=True),
                cache_control=IMMUTABLE_CACHE_CONTROL if immutable else PAGE_CACHE_CONTROL,
                vary=compressible,
                identity=identity,
                robots=robots,
            )
        return baked

    def _encodings(self, accept_encoding: str) -> tuple[tuple[str, str], ...]:
        """The variants to look for, best first, for one Accept-Encoding value."""
        encodings = self._accept_encoding.get(accept_encoding)
        if encodings is None:
            if len(self._accept_encoding) > METADATA_CACHE_LIMIT:
                self._accept_encoding.clear()
            accepted = accepted_encodings(accept_encoding)
            encodings = tuple((coding, suffix) for coding, suffix in ENCODINGS if coding in accepted)
            self._accept_encoding[accept_encoding] = encodings
        return encodings

    def has_page(self, path: str) -> bool:
        """Whether ``path + "/"`` is a baked page (for the missing-slash redirect)."""
        name = relative_file_name(path + "/")
        return name is not None and os.path.isfile(os.path.join(self.root, name))

    def read(self, baked: BakedFile) -> bytes | None:
        """The file's bytes from memory when small enough; None: send it from disk."""
        if baked.size > MEMORY_CACHE_FILE_LIMIT:
            return None
        key = (baked.path, baked.identity)
        body = self._bodies.get(key)
        if body is not None:
            self._bodies.move_to_end(key)
            return body
        try:
            with open(baked.path, "rb") as handle:
                opened = os.fstat(handle.fileno())
                body = handle.read()
        except OSError:
            return None
        if (opened.st_ino, opened.st_mtime_ns, opened.st_size) != baked.identity:
            return body  # replaced since the lookup: send what is there now, keep nothing
        self._bodies[key] = body
        self._bodies_size += len(body)
        while self._bodies_size > MEMORY_CACHE_TOTAL_LIMIT:
            _, dropped = self._bodies.popitem(last=False)
            self._bodies_size -= len(dropped)
        return body

    def redirect(self, path: str) -> Redirect | None:
        """A redirect the bake recorded in its manifest, e.g. for a moved story."""
        manifest = os.path.join(self.root, MANIFEST_NAME)
        try:
            stat = os.stat(manifest)
        except OSError:
            return None
        key = (os.path.realpath(self.root), stat.st_ino, stat.st_mtime_ns, stat.st_size)
        if key != self._manifest_key:
            self._redirects = _read_redirects(Path(manifest))
            self._manifest_key = key
        return self._redirects.get(path)


def _is_regular(stat: os.stat_result) -> bool:
    return (stat.st_mode & 0o170000) == 0o100000


def _read_redirects(manifest: Path) -> dict[str, Redirect]:
    """``{"redirects": {"/old/": "/new/" | {"to": "/new/", "status": 301}}}``.

    A list of ``{"from", "to", "status"}`` objects is read too. An unreadable
    manifest means no redirects: the pages themselves are still served.
    """
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    raw = data.get("redirects") if isinstance(data, dict) else None
    if isinstance(raw, list):
        raw = {item.get("from"): item for item in raw if isinstance(item, dict)}
    if not isinstance(raw, dict):
        return {}
    redirects = {}
    for source, target in raw.items():
        if isinstance(target, str):
            target = {"to": target}
        if not isinstance(source, str) or not isinstance(target, dict) or not isinstance(target.get("to"), str):
            continue
        status = target.get("status", 301)
        redirects[source] = Redirect(target["to"], status if status in (301, 302, 307, 308) else 301)
    return redirects

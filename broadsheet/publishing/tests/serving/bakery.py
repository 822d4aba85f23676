"""Bake directories for tests and benchmarks, in the layout ``broadsheet bake`` writes.

Until a test can call the real bake command, these helpers write the same
layout: ``builds/<id>/`` with ``live`` pointing at it, pages at
``a/b/index.html``, and ``.gz``/``.br`` beside every text file. Pages are
rendered through Django's test client, the same request path readers take.
"""

import gzip
import os
from pathlib import Path

import brotli

from broadsheet.publishing.serving.files import CHARSET_TYPES, content_type_for

MARK_404 = "We could not find that page"


def file_name_for(url: str) -> str:
    """``/a/b/`` → ``a/b/index.html``; ``/feeds/rss.xml`` → ``feeds/rss.xml``."""
    return url.lstrip("/") + "index.html" if url.endswith("/") else url.lstrip("/")


def write_build(bake_dir: Path, files: dict[str, bytes], build_id: str = "test") -> Path:
    """Write ``files`` (name → bytes) as a build with compressed variants and make it live."""
    build = bake_dir / "builds" / build_id
    for name, content in files.items():
        path = build / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        if content_type_for(name).partition(";")[0] in CHARSET_TYPES:
            Path(f"{path}.gz").write_bytes(gzip.compress(content, compresslevel=9, mtime=0))
            Path(f"{path}.br").write_bytes(brotli.compress(content))
    live = bake_dir / "live"
    temporary = bake_dir / f".live-{build_id}"
    temporary.unlink(missing_ok=True)
    os.symlink(Path("builds") / build_id, temporary)
    os.replace(temporary, live)
    return build


def render_pages(client, urls: list[str]) -> dict[str, bytes]:
    """Each URL's body through Django's test client, by file name; plus ``404.html``."""
    files = {}
    for url in urls:
        response = client.get(url)
        if response.status_code != 200:
            raise AssertionError(f"{url} answered {response.status_code}, cannot bake it.")
        files[file_name_for(url)] = response.content
    response = client.get("/this-page-was-never-written/")
    assert response.status_code == 404 and MARK_404 in response.content.decode()
    files["404.html"] = response.content
    return files

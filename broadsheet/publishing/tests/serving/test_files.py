"""The lookup rules behind ``broadsheet serve``, and their agreement with deploy/nginx.conf."""

import os
import re
from pathlib import Path

import pytest

from broadsheet.publishing.nginx_config import render_nginx_config
from broadsheet.publishing.serving.files import (
    CHARSET_TYPES,
    CONTENT_TYPES,
    BakedSite,
    accepted_encodings,
    relative_file_name,
)

from .bakery import write_build

NGINX_CONF = Path(__file__).resolve().parents[4] / "deploy" / "nginx.conf"


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("/", "index.html"),
        ("/news/2026/11/20/story/", "news/2026/11/20/story/index.html"),
        ("/feeds/rss.xml", "feeds/rss.xml"),
        ("/.well-known/security.txt", ".well-known/security.txt"),
        ("/../etc/passwd", None),
        ("/news/../../etc/passwd", None),
        ("//etc/passwd", None),
        ("/news/./", None),
        ("/.bake.json", None),
        ("/news/.hidden/", None),
        ("/a\\b", None),
        ("/a\x00b", None),
        ("relative", None),
    ],
)
def test_request_paths_map_to_files_inside_the_bake_only(path, name):
    assert relative_file_name(path) == name


def test_accept_encoding_honours_refusals():
    assert accepted_encodings("gzip, deflate, br") == {"gzip", "deflate", "br"}
    assert accepted_encodings("br;q=0, gzip;q=0.5") == {"gzip"}
    assert accepted_encodings("br; q=0.0") == set()
    assert accepted_encodings(None) == set()


def test_a_swapped_build_and_a_file_renamed_into_place_are_served_at_once(tmp_path):
    site = BakedSite(tmp_path)
    write_build(tmp_path, {"index.html": b"<p>first build</p>"}, build_id="one")
    first = site.read(site.find("/"))

    # Same size, other bytes: only the inode tells the memory cache it changed.
    write_build(tmp_path, {"index.html": b"<p>other build</p>"}, build_id="two")
    swapped = site.read(site.find("/"))

    replacement = tmp_path / "builds" / "two" / ".index.html.tmp"
    replacement.write_bytes(b"<p>rebaked</p>")
    os.replace(replacement, tmp_path / "builds" / "two" / "index.html")
    rebaked = site.read(site.find("/"))

    assert (first, swapped, rebaked) == (b"<p>first build</p>", b"<p>other build</p>", b"<p>rebaked</p>")


def test_validators_decide_not_modified(tmp_path):
    write_build(tmp_path, {"index.html": b"<p>home</p>"})
    baked = BakedSite(tmp_path).find("/")

    assert baked.is_not_modified(baked.etag, None)
    assert baked.is_not_modified(f'"nope", W/{baked.etag}', None)
    assert baked.is_not_modified("*", None)
    assert not baked.is_not_modified('"nope"', baked.last_modified)  # If-None-Match wins
    assert baked.is_not_modified(None, baked.last_modified)
    assert not baked.is_not_modified(None, "Thu, 01 Jan 1970 00:00:00 GMT")
    assert not baked.is_not_modified(None, "not a date")


def test_nginx_and_serve_give_every_extension_the_same_type():
    config = NGINX_CONF.read_text()
    block = re.search(r"types \{(.*?)\}", config, re.S).group(1)
    nginx_types = {}
    for line in block.strip().splitlines():
        content_type, *extensions = line.strip().rstrip(";").split()
        nginx_types.update({f".{extension}": content_type for extension in extensions})
    charset_types = set(re.search(r"charset_types([^;]*);", config).group(1).split())

    assert nginx_types == CONTENT_TYPES
    # nginx adds the charset to text/html without being told.
    assert charset_types | {"text/html"} == CHARSET_TYPES


def test_rendering_the_nginx_config_names_any_missing_value():
    with pytest.raises(ValueError, match="BAKE_DIR"):
        render_nginx_config({"LISTEN": "80"})

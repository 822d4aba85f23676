"""A full bake: every public URL as a file, with its compressed twins, behind an atomic switch."""

import gzip

import brotli
from django.utils import timezone

from broadsheet.publishing import layout
from broadsheet.publishing.bake import Baker

from .conftest import baked_file


def test_every_public_url_is_a_file_with_compressed_twins(baked):
    live = baked.live
    assert (layout.bake_dir() / "live").is_symlink()
    assert live.parent == layout.bake_dir() / "builds"
    article = baked_file(live, baked.river.url)
    assert baked.river.url.endswith("/") and article.name == "index.html"
    html = article.read_bytes()
    assert "River bursts its banks" in html.decode()
    assert gzip.decompress(article.with_name("index.html.gz").read_bytes()) == html
    assert brotli.decompress(article.with_name("index.html.br").read_bytes()) == html
    for url in ["/", "/news/", "/business/", baked.anna.get_absolute_url(), baked.floods.get_absolute_url()]:
        assert baked_file(live, url).is_file(), url
    assert "We could not find that page" in (live / "404.html").read_text()
    assert (live / "static/broadsheet/css/site.css").is_file()
    assert (live / "static/broadsheet/css/site.css.br").is_file()
    assert (live / "fragments/ticker.html").is_file()


def test_date_archives_are_baked_with_their_numbered_pages(bake_dir, newsroom, stories, settings):
    """No page links to a day's or a month's archive; the bake must find them anyway."""
    settings.BROADSHEET_PAGE_SIZE = 2
    Baker(processes=1).run()
    live = layout.live_dir()
    published = timezone.localtime(stories.river.first_published_at)
    month, day = f"/{published:%Y/%m}/", f"/{published:%Y/%m/%d}/"
    for url in (month, day, f"{day}page/1/", f"{month}page/1/"):
        assert baked_file(live, url).is_file(), url
    assert "River bursts its banks" in baked_file(live, day).read_text() + baked_file(live, f"{day}page/1/").read_text()


def test_the_manifest_maps_urls_to_files_types_and_times(baked):
    manifest = layout.read_manifest(baked.live)
    entry = manifest["urls"][baked.river.url]
    assert entry["file"] == layout.url_to_relative_path(baked.river.url)
    assert entry["type"] == "text/html; charset=utf-8"
    assert entry["modified"].endswith("Z")
    assert manifest["not_found"] == "404.html"
    assert not any(url.startswith("/admin/") for url in manifest["urls"])


def test_a_second_bake_in_the_same_process_finds_every_url_again(baked):
    """A rendering process sends each link once per bake, not once per process's life."""
    first = set(layout.read_manifest(baked.live)["urls"])
    Baker(processes=1).run()
    assert set(layout.read_manifest(layout.live_dir())["urls"]) == first
    assert len(first) > 20


def test_a_second_bake_switches_live_and_keeps_a_couple_of_builds(baked):
    first = baked.live
    Baker(processes=1).run()
    second = layout.live_dir()
    Baker(processes=1).run()
    third = layout.live_dir()
    assert len({first, second, third}) == 3
    assert not first.exists()  # pruned: the live build and the one before it stay
    assert second.exists() and third.exists()


def test_a_dry_run_writes_nothing(bake_dir, newsroom, stories):
    summary = Baker(processes=1, dry_run=True).run()
    assert summary.pages > 5
    assert layout.live_dir() is None
    assert not (bake_dir / "builds").exists() or not any((bake_dir / "builds").iterdir())


def test_url_paths_follow_the_contract():
    assert layout.url_to_relative_path("/") == "index.html"
    assert layout.url_to_relative_path("/a/b/") == "a/b/index.html"
    assert layout.url_to_relative_path("/feeds/rss.xml") == "feeds/rss.xml"
    assert layout.url_to_relative_path("/robots.txt") == "robots.txt"
    for bad in ["/no-slash", "/../etc/passwd/", "/.bake.json", "relative/"]:
        try:
            layout.url_to_relative_path(bad)
        except layout.NotBakeable:
            continue
        raise AssertionError(f"{bad} was accepted")


def test_two_bakes_in_the_same_second_get_builds_of_their_own(bake_dir, time_machine):
    time_machine.move_to("2026-11-29 08:00:00", tick=False)
    first, second = layout.new_build_dir(), layout.new_build_dir()
    assert first != second and first.is_dir() and second.is_dir()
    assert sorted([second.name, first.name]) == [first.name, second.name]

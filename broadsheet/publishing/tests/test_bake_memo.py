"""A full bake answers from memory (core.memo, articles.catalogue): the pages must not change.

Every URL of a small but varied newsroom (picks, shared tags, several
authors, pictures, a correction note, a password-protected story, feeds,
sitemaps) is rendered twice: as a reader's request renders it, and inside a
full bake's memo scope after other pages have filled the memo. The bytes
and the dependency record must be the same.
"""

import datetime
import gc
import os
import re

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from broadsheet.articles.catalogue import Catalogue
from broadsheet.articles.models import ArticlePage
from broadsheet.articles.related import related_article_ids
from broadsheet.articles.tests.factories import make_article, pick_related
from broadsheet.core.memo import memo_active
from broadsheet.core.tests.factories import make_image
from broadsheet.corrections.tests.factories import make_note
from broadsheet.people.tests.factories import make_person
from broadsheet.publishing import bake
from broadsheet.publishing.bake import Baker
from broadsheet.publishing.fragments import cached_fragments, fragments_cached
from broadsheet.publishing.render import Renderer
from broadsheet.taxonomy.tests.factories import make_tag

START = datetime.datetime(2026, 3, 2, 8, 0, tzinfo=datetime.UTC)
NOW = datetime.datetime(2026, 3, 20, 12, 0, tzinfo=datetime.UTC)
HOUR = datetime.timedelta(hours=1)


@pytest.fixture
def varied(newsroom, settings, tmp_path):
    settings.BROADSHEET_BAKE_DIR = tmp_path / "bake"
    settings.BROADSHEET_BAKE_PROCESSES = 1
    settings.BROADSHEET_PAGE_SIZE = 3  # numbered pages in every list, paginated from the memo's ids
    anna, boris = make_person("Anna Petrova", role="Correspondent"), make_person("Борис Иванов")
    floods, energy, quiet = make_tag("Floods"), make_tag("Энергетика"), make_tag("Quiet")
    picture, other_picture = make_image("River"), make_image("Plant")
    sections = [newsroom.news, newsroom.business, newsroom.opinion]
    stories = []
    for number in range(14):
        stories.append(
            make_article(
                sections[number % 3],
                f"Story “{number}” ✓",
                START + number * 7 * HOUR,
                authors=((anna, boris), (boris,), (anna,), ())[number % 4],
                tags=((floods,), (floods, energy), (energy,), (), (quiet,))[number % 5],
                lead_image=(picture, other_picture, None)[number % 3],
            )
        )
    pick_related(stories[5], stories[0], stories[13], stories[2])
    pick_related(stories[9], stories[9 - 1])
    make_note(stories[4], published_at=START + 50 * HOUR)
    secret = make_article(newsroom.news, "Behind a password", START + 60 * HOUR, tags=(floods,))
    PageViewRestriction.objects.create(page=secret, restriction_type=PageViewRestriction.PASSWORD, password="x")
    return [*stories, secret]


def without_csrf(body: bytes) -> bytes:
    """The password form carries a fresh CSRF token each time; nothing else may differ."""
    return re.sub(rb'name="csrfmiddlewaretoken" value="[^"]+"', b"", body)


def rendered_alone(url: str):
    """``url`` as a rebake renders it: its own scope, nothing remembered from other pages."""
    with fragments_cached():
        return Renderer().render(url)


def rendered_in_batches(renderer: Renderer, urls: list[str]) -> dict:
    """As a rendering process does: each batch's stories preloaded, then its pages rendered."""
    results = {}
    for start in range(0, len(urls), bake.BATCH_SIZE):
        batch = urls[start : start + bake.BATCH_SIZE]
        renderer.preload(batch)
        results.update((url, renderer.render(url)) for url in batch)
    return results


def test_every_baked_page_is_the_same_rendered_from_the_memo(varied):
    with time_machine.travel(NOW, tick=False):
        crawl = Baker(processes=1, dry_run=True)
        crawl.run()
        urls = sorted(url for url, result in crawl.results.items() if result.section == "urls")
        assert len(urls) > 60
        secret = varied[-1].url
        assert secret not in crawl.results  # no page links to it, so it is never baked
        urls.append(secret)  # …and Wagtail's password form is the same from the memo
        assert "/news/page/1/" in urls
        urls += ["/news/page/99/", "/news/page/0/"]  # no such pages: 404s either way
        plain = {url: rendered_alone(url) for url in urls}
        with fragments_cached(whole_site=True):
            renderer = Renderer()
            # Fill the memo (catalogue, pictures, teasers) with every page first.
            rendered_in_batches(renderer, urls)
            from_memo = rendered_in_batches(renderer, urls)
    for url in urls:
        assert from_memo[url].status == plain[url].status, url
        assert without_csrf(from_memo[url].body) == without_csrf(plain[url].body), url
        assert from_memo[url].keys == plain[url].keys, url


def test_a_batch_of_stories_is_routed_with_one_query(varied):
    """A story page found its story with a query of its own; a bake loads a batch's stories together."""
    urls = [story.url for story in varied[:-1]]
    with fragments_cached(whole_site=True):
        renderer = Renderer()
        rendered_in_batches(renderer, urls)  # the memo is warm: what is left is each page's own
        counted = {}
        for preload in (False, True):
            with CaptureQueriesContext(connection) as queries:
                if preload:
                    renderer.preload(urls)
                statuses = {renderer.render(url).status for url in urls}
            assert statuses == {200}
            counted[preload] = len(queries)
    assert counted[True] == counted[False] - len(urls) + 1


def test_catalogue_answers_as_the_database_does(varied):
    catalogue = Catalogue()
    for article in ArticlePage.objects.all():
        for limit in (1, 4, 6):
            assert catalogue.related_ids(article, limit) == related_article_ids(article, limit), article.title
        assert catalogue.topics(article.pk) == list(article.tags.all())
        assert catalogue.authors(article.pk) == article.authors()


def test_a_rendering_process_keeps_its_memo_for_the_whole_bake(newsroom):
    """Regression: the worker's scope was a context manager nobody kept, so it
    closed at once and every page of a parallel bake was rendered from scratch."""
    try:
        bake._start_worker()
        gc.collect()
        assert memo_active()
        assert cached_fragments() is not None
    finally:
        bake._worker_scope.__exit__(None, None, None)
        bake._worker_scope = bake._worker_renderer = None
    assert not memo_active()


def test_teasers_kept_for_a_bake_are_bounded(varied, monkeypatch):
    """A bake keeps each story's teaser once rendered, but not more of them than the bound."""
    from broadsheet.publishing import fragments

    monkeypatch.setattr(fragments, "CACHED_ITEM_FRAGMENTS", 4)
    with time_machine.travel(NOW, tick=False):
        alone = rendered_alone("/news/").body
        with fragments_cached(whole_site=True) as store:
            renderer = Renderer()
            for url in ("/news/", "/business/", "/opinion/", "/tags/floods/"):
                renderer.render(url)
            kept = fragments.item_fragments(store)
            assert 0 < len(kept) <= 4
            assert renderer.render("/news/").body == alone


def test_rendering_processes_share_teasers_through_their_scratch_folder(varied, tmp_path, monkeypatch):
    """A second rendering process takes the teasers the first one wrote, and its pages are the same."""
    from broadsheet.publishing import fragments

    shared = tmp_path / "shared"
    shared.mkdir()
    with time_machine.travel(NOW, tick=False):
        crawl = Baker(processes=1, dry_run=True)
        crawl.run()
        urls = sorted(url for url, result in crawl.results.items() if result.section == "urls")
        plain = {url: rendered_alone(url) for url in urls}
        with fragments_cached(whole_site=True, shared_folder=shared):
            rendered_in_batches(Renderer(), urls)
        assert len(list(shared.iterdir())) >= len(varied) - 1  # at least a teaser per story

        rendered_teasers = []
        item_fragment = fragments.item_fragment

        def counting(store, key, render):
            return item_fragment(store, key, lambda: rendered_teasers.append(key) or render())

        monkeypatch.setattr(fragments, "item_fragment", counting)
        with fragments_cached(whole_site=True, shared_folder=shared):
            second = rendered_in_batches(Renderer(), urls)
    assert rendered_teasers == []
    for url in urls:
        assert second[url].body == plain[url].body, url
        assert second[url].keys == plain[url].keys, url


def test_shared_fragments_keep_text_whole_and_never_fail_a_page(tmp_path):
    from broadsheet.publishing.fragments import SharedItemFragments

    shared = SharedItemFragments(tmp_path)
    key = ("teaser", (7, "row", 2, True, True, None, "100vw"))
    assert shared.get(key) is None
    text = "<h3>Борис’s “report” 🌊</h3>"
    shared.put(key, text)
    assert SharedItemFragments(tmp_path).get(key) == text  # another process finds it by the same key
    assert shared.get(("teaser", (8, "row", 2, True, True, None, "100vw"))) is None
    assert [path.name for path in tmp_path.iterdir() if path.name.endswith(".tmp")] == []

    gone = SharedItemFragments(tmp_path / "removed")
    gone.put(key, text)  # a folder that cannot be written: the fragment is not shared, nothing fails
    assert gone.get(key) is None

    unreadable = ("teaser", (9, "row", 2, True, True, None, "100vw"))
    os.mkdir(shared.path(unreadable))  # what is there cannot be read as a file: rendered again, nothing fails
    assert shared.get(unreadable) is None
    garbled = ("teaser", (10, "row", 2, True, True, None, "100vw"))
    with open(shared.path(garbled), "wb") as handle:
        handle.write(b"\xff\xfe broken")
    assert shared.get(garbled) is None


def test_a_bake_removes_the_fragments_folder_a_killed_bake_left_behind(tmp_path, monkeypatch):
    import os
    import subprocess

    from broadsheet.publishing import fragments

    monkeypatch.setattr(fragments, "scratch_parent", lambda: str(tmp_path))
    finished = subprocess.Popen(["true"])
    finished.wait()
    stale = tmp_path / f"{fragments.SCRATCH_PREFIX}{finished.pid}-abc"
    running = tmp_path / f"{fragments.SCRATCH_PREFIX}{os.getppid()}-def"  # a live process's bake
    other = tmp_path / "someone-elses-folder"
    for folder in (stale, running, other):
        (folder / "fragment").mkdir(parents=True)

    with fragments.scratch_folder() as folder:
        assert os.path.basename(folder).startswith(f"{fragments.SCRATCH_PREFIX}{os.getpid()}-")
        assert not stale.exists()
        assert running.exists() and other.exists()
    assert not os.path.exists(folder)


def test_a_full_bake_loads_each_storys_feed_row_once_for_every_feed(varied):
    """The site's RSS and Atom feeds carry the same stories: the second loads none of their rows again."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with time_machine.travel(NOW, tick=False), fragments_cached(whole_site=True):
        renderer = Renderer()
        rss = renderer.render("/feeds/rss.xml")
        with CaptureQueriesContext(connection) as queries:
            atom = renderer.render("/feeds/atom.xml")
    assert rss.status == atom.status == 200
    assert all(story.title.encode() in atom.body for story in varied[:-1] if story.live)
    assert not [q["sql"] for q in queries.captured_queries if '"articles_articlepage"."body"' in q["sql"]]
    assert atom.keys == rendered_alone("/feeds/atom.xml").keys  # …and records what it shows all the same

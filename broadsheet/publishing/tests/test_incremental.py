"""Incremental publishing: a change rebakes exactly the URLs the record says show it."""

from datetime import timedelta

import pytest
from django_tasks_db.models import DBTaskResult
from wagtail.contrib.frontend_cache.backends.base import BaseBackend

from broadsheet.articles.models import ArticleAuthor, ArticlePage, ArticleTag
from broadsheet.articles.tests.factories import make_article
from broadsheet.publishing import layout, publish
from broadsheet.publishing.bake import Baker
from broadsheet.publishing.publish import later_numbered_pages
from broadsheet.publishing.signal_handlers import REBAKE_PRIORITY
from broadsheet.publishing.tasks import rebake_task

from .conftest import baked_file


def publish_new_story(section, title, authors=(), tags=()) -> ArticlePage:
    article = section.add_child(instance=ArticlePage(title=title, live=False))
    for order, person in enumerate(authors):
        ArticleAuthor.objects.create(page=article, person=person, sort_order=order)
    for tag in tags:
        ArticleTag.objects.create(content_object=article, tag=tag)
    article.save_revision().publish()
    article.refresh_from_db()
    return article


def archive_urls(article) -> set[str]:
    day = article.url.split("/")[2:5]  # /news/yyyy/mm/dd/slug/
    return {f"/{day[0]}/{day[1]}/{day[2]}/", f"/{day[0]}/{day[1]}/"}


def test_publishing_a_story_rebakes_its_lists_fronts_and_nothing_else(
    baked, rebakes, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        article = publish_new_story(baked.news, "Flood warning lifted", authors=(baked.anna,), tags=(baked.floods,))

    assert len(rebakes) == 2  # what readers see, then the sitemaps only crawlers read
    expected = {
        article.url,
        "/fragments/ticker.html",
        "/",
        "/news/",
        baked.anna.get_absolute_url(),
        baked.floods.get_absolute_url(),
        *archive_urls(article),
        # The feeds and sitemaps it appears on (or that date themselves by the newest story).
        "/feeds/rss.xml",
        "/feeds/atom.xml",
        "/feeds/feed.json",
        "/feeds/sections/news/rss.xml",
        "/feeds/sections/news/atom.xml",
        "/feeds/authors/anna-petrova/rss.xml",
        "/feeds/authors/anna-petrova/atom.xml",
        "/feeds/tags/floods/rss.xml",
        "/feeds/tags/floods/atom.xml",
        "/sitemap.xml",
        "/sitemaps/pages.xml",
        "/sitemaps/sections.xml",
        "/sitemaps/people.xml",
        "/sitemaps/tags.xml",
        "/sitemaps/news.xml",
        f"/sitemaps/articles-{article.first_published_at:%Y-%m}.xml",
    }
    assert set(rebakes[0].written) | set(rebakes[1].written) == expected
    assert set(rebakes[1].written) == {url for url in expected if url.startswith("/sitemap")} - {"/sitemaps/news.xml"}
    # The story first (the fronts link to it), then what most readers read,
    # then its tag's, author's and date lists.
    written = rebakes[0].written
    assert written[0] == article.url
    narrow = {baked.anna.get_absolute_url(), baked.floods.get_absolute_url(), *archive_urls(article)}
    narrow |= {url for url in expected if url.startswith(("/feeds/authors/", "/feeds/tags/"))}
    assert set(written[-len(narrow) :]) == narrow
    assert {"/", "/news/", "/feeds/rss.xml", "/sitemaps/news.xml"} <= set(written[: -len(narrow)])
    assert "Flood warning lifted" in baked_file(baked.live, "/news/").read_text()
    assert "Flood warning lifted" in baked_file(baked.live, baked.anna.get_absolute_url()).read_text()
    manifest = layout.read_manifest(baked.live)
    assert article.url in manifest["urls"]


def test_the_ticker_fragment_changes_and_other_pages_are_left_alone(
    baked, rebakes, django_capture_on_commit_callbacks, client
):
    untouched = baked_file(baked.live, baked.rates.url)
    before = untouched.stat().st_mtime_ns
    with django_capture_on_commit_callbacks(execute=True):
        publish_new_story(baked.business, "Markets rally at the open")

    assert "Markets rally at the open" in (baked.live / "fragments/ticker.html").read_text()
    assert untouched.stat().st_mtime_ns == before
    page = untouched.read_text()
    assert "Markets rally at the open" not in page
    assert "/static/broadsheet/js/ticker.js" in page  # the script that swaps the fragment in
    response = client.get("/fragments/ticker.html")
    assert response.status_code == 200
    assert 'class="ticker"' in response.content.decode()
    assert "Markets rally at the open" in response.content.decode()


def test_editing_a_person_rebakes_their_page_and_the_stories_showing_them(
    baked, rebakes, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        baked.anna.name = "Anna Petrova-Smith"
        baked.anna.save()

    written = {url for summary in rebakes for url in summary.written}
    assert {baked.anna.get_absolute_url(), baked.river.url, baked.bridge.url} <= written
    assert baked.rates.url not in written
    assert baked.boris.get_absolute_url() not in written
    assert "Anna Petrova-Smith" in baked_file(baked.live, baked.river.url).read_text()


def test_unpublishing_removes_the_story_and_rebakes_pages_that_listed_it(
    baked, rebakes, django_capture_on_commit_callbacks
):
    river_url = baked.river.url
    with django_capture_on_commit_callbacks(execute=True):
        baked.river.unpublish()

    summary = rebakes[0]
    assert river_url in summary.removed
    assert {"/news/", baked.floods.get_absolute_url(), baked.anna.get_absolute_url()} <= set(summary.written)
    assert not baked_file(baked.live, river_url).exists()
    assert not baked_file(baked.live, river_url).with_name("index.html.br").exists()
    assert "River bursts its banks" not in baked_file(baked.live, "/news/").read_text()
    assert river_url not in layout.read_manifest(baked.live)["urls"]


def test_a_renamed_story_leaves_a_redirect_behind(baked, rebakes, django_capture_on_commit_callbacks):
    old_url = baked.bridge.url
    with django_capture_on_commit_callbacks(execute=True):
        baked.bridge.slug = "bridge-reopens"
        baked.bridge.save_revision().publish()
    baked.bridge.refresh_from_db()

    assert baked.bridge.url != old_url
    assert baked_file(baked.live, baked.bridge.url).is_file()
    stub = baked_file(baked.live, old_url).read_text()
    assert f'http-equiv="refresh" content="0; url={baked.bridge.url}"' in stub
    manifest = layout.read_manifest(baked.live)
    assert manifest["redirects"][old_url]["location"] == baked.bridge.url
    assert old_url not in manifest["urls"]


def test_a_setting_change_rebakes_everything(baked, django_capture_on_commit_callbacks):
    old_live = baked.live
    with django_capture_on_commit_callbacks(execute=True):
        baked.settings.site_name = "The Evening Broadsheet"
        baked.settings.save()

    new_live = layout.live_dir()
    assert new_live != old_live
    old_urls = set(layout.read_manifest(old_live)["urls"])
    new_manifest = layout.read_manifest(new_live)
    assert set(new_manifest["urls"]) == old_urls
    for url, entry in new_manifest["urls"].items():
        if entry["type"].startswith("text/html") and not url.startswith("/fragments/"):
            assert "The Evening Broadsheet" in (new_live / entry["file"]).read_text(), url


class RecordingBackend(BaseBackend):
    purged: list[str] = []

    def purge(self, url: str) -> None:
        RecordingBackend.purged.append(url)


def test_the_cdn_is_purged_with_the_rebaked_urls(baked, rebakes, settings, django_capture_on_commit_callbacks):
    settings.WAGTAILFRONTENDCACHE = {"test": {"BACKEND": f"{__name__}.RecordingBackend"}}
    RecordingBackend.purged = []
    with django_capture_on_commit_callbacks(execute=True):
        publish_new_story(baked.news, "Storm passes")

    assert sorted(RecordingBackend.purged) == sorted(
        f"http://localhost{url}" for summary in rebakes for url in summary.urls
    )


def test_nothing_is_rebaked_before_the_first_bake(bake_dir, stories, rebakes, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        stories.anna.name = "Anna P."
        stories.anna.save()
    assert callbacks == [] and rebakes == []


def test_files_are_replaced_whole_or_not_at_all(tmp_path, monkeypatch):
    layout.write_file(tmp_path, "a/index.html", b"<p>old</p>")

    def failing_replace(source, target):
        raise OSError("disk full")

    monkeypatch.setattr(layout.os, "replace", failing_replace)
    with pytest.raises(OSError):
        layout.write_file(tmp_path, "a/index.html", b"<p>new</p>" * 1000)
    assert (tmp_path / "a/index.html").read_bytes() == b"<p>old</p>"


def test_a_rebake_appends_to_the_url_log_and_leaves_the_manifest_head_alone(
    baked, rebakes, django_capture_on_commit_callbacks, monkeypatch
):
    head = baked.live / layout.MANIFEST_NAME
    head_before = head.stat()
    log = baked.live / layout.URLS_LOG_NAME
    lines_before = log.read_text().splitlines()

    def whole_manifest_read(*args, **kwargs):
        raise AssertionError("a rebake read the whole manifest")

    monkeypatch.setattr(layout, "read_manifest", whole_manifest_read)
    monkeypatch.setattr(layout, "read_urls", whole_manifest_read)
    with django_capture_on_commit_callbacks(execute=True):
        article = publish_new_story(baked.news, "Ferry service resumes")
    monkeypatch.undo()

    head_after = head.stat()
    assert (head_after.st_ino, head_after.st_mtime_ns) == (head_before.st_ino, head_before.st_mtime_ns)
    lines = log.read_text().splitlines()
    assert lines[: len(lines_before)] == lines_before
    assert len(lines) - len(lines_before) == sum(len(summary.urls) for summary in rebakes)
    assert layout.read_manifest(baked.live)["urls"][article.url]["file"] == layout.url_to_relative_path(article.url)


def test_unpublishing_an_old_story_rebakes_the_numbered_pages_after_it(
    bake_dir, newsroom, stories, settings, rebakes, django_capture_on_commit_callbacks
):
    settings.BROADSHEET_PAGE_SIZE = 2
    latest = stories.council.first_published_at
    for hour in range(1, 8):
        make_article(newsroom.news, f"Later story {hour}", latest + timedelta(hours=hour))
    Baker(processes=1).run()
    live = layout.live_dir()
    # Ten stories in /news/, two a page counted from the oldest: pages 1 to 5.
    assert sorted(layout.numbered_pages(live, "/news/")) == [f"/news/page/{n}/" for n in range(1, 6)]
    assert "River bursts its banks" in baked_file(live, "/news/page/1/").read_text()

    with django_capture_on_commit_callbacks(execute=True):
        stories.river.unpublish()

    summary = rebakes[0]
    assert {"/news/page/1/", "/news/page/2/", "/news/page/3/", "/news/page/4/"} <= set(summary.written)
    assert "/news/page/5/" in summary.removed  # nine stories fill four pages
    assert "Bridge closed" in baked_file(live, "/news/page/1/").read_text()
    assert not baked_file(live, "/news/page/5/").exists()


def test_later_numbered_pages_lists_only_that_lists_folder(tmp_path):
    for url in ["/news/page/1/", "/news/page/2/", "/news/page/10/", "/business/page/3/", "/news/2026/page/4/"]:
        layout.write_file(tmp_path, layout.url_to_relative_path(url), b"<p>page</p>")

    assert later_numbered_pages({"/news/page/2/", "/news/"}, tmp_path) == {"/news/page/10/"}
    assert later_numbered_pages({"/news/"}, tmp_path) == set()


def test_a_publish_queues_the_sitemaps_only_crawlers_read_apart_on_the_default_queue(
    baked, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "publishing"]}}
    with django_capture_on_commit_callbacks(execute=True):
        publish_new_story(baked.news, "Tram line opens")

    rebakes = DBTaskResult.objects.filter(task_path=rebake_task.module_path)
    parts = {result.queue_name: result.args_kwargs["args"][4] for result in rebakes}
    assert parts == {"publishing": "readers", "default": "crawlers"}
    assert {result.priority for result in rebakes} == {REBAKE_PRIORITY}
    # Readers' at once; the crawlers' sitemaps a minute later, shared by a burst of publishes.
    assert set(rebakes.ready().values_list("queue_name", flat=True)) == {"publishing"}
    crawlers = rebakes.get(queue_name="default")
    delay = (crawlers.run_after - crawlers.enqueued_at).total_seconds()
    assert delay == pytest.approx(settings.BROADSHEET_CRAWLER_SITEMAPS_DELAY, abs=2)


def test_the_parts_of_a_rebake_split_its_urls(baked, rebakes):
    urls = ["/news/", "/sitemaps/news.xml", "/sitemap.xml", "/sitemaps/people.xml", "/"]
    publish.rebake(urls, part=publish.READERS)
    publish.rebake(urls, part=publish.CRAWLERS)
    publish.rebake(urls)

    assert rebakes[0].written == ["/news/", "/sitemaps/news.xml", "/"]
    assert rebakes[1].written == ["/sitemap.xml", "/sitemaps/people.xml"]
    assert rebakes[2].written == [*rebakes[0].written, *rebakes[1].written]  # readers' first

"""The sitemap index and its sitemaps, read as a crawler reads them."""

import datetime

import pytest
import time_machine
from django.db.models import F

from broadsheet.articles.models import ArticlePage
from broadsheet.articles.sitemaps import ArticleMonthSitemap, NewsSitemap
from broadsheet.articles.tests.factories import make_article, make_articles
from broadsheet.company.tests.factories import make_company_page
from broadsheet.core.tests.factories import make_image
from broadsheet.people.tests.factories import make_person
from broadsheet.taxonomy.tests.factories import make_tag

from .xml import IMAGE, NS, SITEMAP, lastmods, locations, parse, path_of

NOV_10 = datetime.datetime(2026, 11, 10, 9, 0, tzinfo=datetime.UTC)
DEC_3 = datetime.datetime(2026, 12, 3, 9, 0, tzinfo=datetime.UTC)
HOUR = datetime.timedelta(hours=1)


def index_paths(client) -> list[str]:
    return [path_of(url) for url in locations(parse(client.get("/sitemap.xml")))]


@pytest.fixture
def archive(newsroom, person, tag):
    """Two months of stories, one with a lead picture, one by an author, one tagged."""
    photo = make_image("Harbour at dawn", 1600, 900)
    november = make_articles(newsroom.news, 3, NOV_10, prefix="November")
    december = make_articles(newsroom.business, 2, DEC_3, prefix="December")
    pictured = make_article(
        newsroom.opinion, "Pictured story", DEC_3 + 5 * HOUR, lead_image=photo, authors=(person,), tags=(tag,)
    )
    return {"november": november, "december": [*december, pictured], "pictured": pictured}


def test_the_index_lists_every_sitemap_by_absolute_xml_url(client, archive):
    assert index_paths(client) == [
        "/sitemaps/pages.xml",
        "/sitemaps/sections.xml",
        "/sitemaps/people.xml",
        "/sitemaps/tags.xml",
        "/sitemaps/news.xml",
        "/sitemaps/print.xml",
        "/sitemaps/articles-2026-11.xml",
        "/sitemaps/articles-2026-12.xml",
    ]


def test_every_listed_sitemap_is_well_formed_with_the_sitemap_namespace(client, archive):
    root = parse(client.get("/sitemap.xml"))
    assert root.tag == f"{{{SITEMAP}}}sitemapindex"
    for url in locations(root):
        sitemap = parse(client.get(path_of(url)))
        assert sitemap.tag == f"{{{SITEMAP}}}urlset"
        for location in locations(sitemap):
            assert location.startswith("http://localhost/")


def test_month_sitemaps_list_the_stories_of_their_month_with_lastmod(client, archive):
    story = archive["november"][1]
    ArticlePage.objects.filter(pk=story.pk).update(last_published_at=NOV_10 + 30 * HOUR)

    root = parse(client.get("/sitemaps/articles-2026-11.xml"))

    dates = lastmods(root)
    assert [path_of(url) for url in dates] == [article.url for article in archive["november"]]
    assert dates["http://localhost" + story.url] == NOV_10 + 30 * HOUR
    assert dates["http://localhost" + archive["november"][0].url] == NOV_10
    # The index dates each sitemap by its newest change.
    index = lastmods(parse(client.get("/sitemap.xml")))
    assert index["http://localhost/sitemaps/articles-2026-11.xml"] == NOV_10 + 30 * HOUR
    assert index["http://localhost/sitemaps/articles-2026-12.xml"] == DEC_3 + 5 * HOUR


def test_lead_pictures_are_image_sitemap_entries_of_a_large_rendition(client, archive):
    root = parse(client.get("/sitemaps/articles-2026-12.xml"))

    assert root.nsmap["image"] == IMAGE
    pictured = root.xpath(f"//sm:url[sm:loc='http://localhost{archive['pictured'].url}']", namespaces=NS)[0]
    (image_url,) = pictured.xpath("image:image/image:loc/text()", namespaces=NS)
    assert image_url.startswith("http://localhost/media/images/") and "width-1200" in image_url
    assert client.get(path_of(image_url)).status_code == 200
    assert len(root.xpath("//image:image", namespaces=NS)) == 1  # stories without a picture have none


def test_months_follow_the_site_time_zone(client, newsroom):
    newsroom.settings.time_zone = "America/New_York"
    newsroom.settings.save()
    # 02:00 UTC on 1 December is 21:00 on 30 November in New York.
    story = make_article(
        newsroom.news, "Late November story", datetime.datetime(2026, 12, 1, 2, 0, tzinfo=datetime.UTC)
    )

    assert "/sitemaps/articles-2026-11.xml" in index_paths(client)
    assert "/sitemaps/articles-2026-12.xml" not in index_paths(client)
    assert story.url.startswith("/news/2026/11/30/")


def test_a_month_over_the_limit_splits_into_pages(client, newsroom, monkeypatch):
    monkeypatch.setattr(ArticleMonthSitemap, "limit", 3)
    stories = make_articles(newsroom.news, 7, NOV_10)

    paths = index_paths(client)

    assert [p for p in paths if "articles" in p] == [
        "/sitemaps/articles-2026-11.xml",
        "/sitemaps/articles-2026-11-2.xml",
        "/sitemaps/articles-2026-11-3.xml",
    ]
    pages = [[path_of(u) for u in locations(parse(client.get(path)))] for path in paths if "articles" in path]
    assert pages == [[s.url for s in stories[0:3]], [s.url for s in stories[3:6]], [stories[6].url]]
    # Each page is dated by its own newest story.
    index = lastmods(parse(client.get("/sitemap.xml")))
    assert index["http://localhost/sitemaps/articles-2026-11-2.xml"] == NOV_10 + 5 * HOUR
    assert index["http://localhost/sitemaps/articles-2026-11-3.xml"] == NOV_10 + 6 * HOUR


def test_exactly_the_limit_is_one_page_and_one_more_is_two(client, newsroom, monkeypatch):
    monkeypatch.setattr(ArticleMonthSitemap, "limit", 3)
    make_articles(newsroom.news, 3, NOV_10)
    assert [p for p in index_paths(client) if "articles" in p] == ["/sitemaps/articles-2026-11.xml"]
    assert client.get("/sitemaps/articles-2026-11-2.xml").status_code == 404

    make_article(newsroom.news, "One more", NOV_10 + 10 * HOUR)
    assert [p for p in index_paths(client) if "articles" in p] == [
        "/sitemaps/articles-2026-11.xml",
        "/sitemaps/articles-2026-11-2.xml",
    ]
    assert len(locations(parse(client.get("/sitemaps/articles-2026-11-2.xml")))) == 1


def test_the_real_limit_is_fifty_thousand_urls_and_a_full_page_stays_under_fifty_megabytes(client, newsroom):
    """50,000 entries of the longest story address the admin allows, with a picture, fit in 50 MB."""
    assert ArticleMonthSitemap.limit == 50_000
    longest_slug = "s" * 255
    photo = make_image("p" * 90, 1600, 900)
    make_article(newsroom.world_cup, "Long", NOV_10, slug=longest_slug, lead_image=photo)
    body = client.get("/sitemaps/articles-2026-11.xml").content
    (entry,) = [line for line in body.split(b"\n") if line.startswith(b"<url>")]
    # Even with a section slug of the same length as the story's.
    worst_entry = len(entry) + 255 - len("world-cup")
    assert worst_entry * 50_000 + 500 < 50 * 1024 * 1024


def test_unknown_empty_or_malformed_sitemaps_are_404(client, archive):
    for path in [
        "/sitemaps/unknown.xml",
        "/sitemaps/articles-2026-13.xml",
        "/sitemaps/articles-2026-00.xml",
        "/sitemaps/articles-0000-01.xml",
        "/sitemaps/articles-9999-12.xml",
        "/sitemaps/articles-1999-01.xml",  # no stories that month
        "/sitemaps/articles-2026-11-1.xml",  # page one has one address
        "/sitemaps/articles-2026-11-02.xml",
        "/sitemaps/articles-2026-11-2.xml",  # beyond the last page
        "/sitemaps/pages-2.xml",
        "/sitemaps/articles-2026-11.xml.gz",
    ]:
        assert client.get(path).status_code == 404, path


def test_unpublished_and_private_stories_stay_out(client, archive, newsroom):
    draft = archive["november"][0]
    draft.live = False
    draft.save()

    paths = [path_of(u) for u in locations(parse(client.get("/sitemaps/articles-2026-11.xml")))]

    assert draft.url not in paths
    assert len(paths) == 2


def test_pages_sitemap_has_the_home_and_company_pages_dated_by_the_newest_story(client, archive, newsroom):
    make_company_page(newsroom.home, "About us", "about")

    dates = lastmods(parse(client.get("/sitemaps/pages.xml")))

    assert [path_of(url) for url in dates] == ["/", "/about/"]
    assert dates["http://localhost/"] == DEC_3 + 5 * HOUR


def test_sections_people_and_tags_sitemaps(client, archive, newsroom, person, tag):
    make_person("Nobody Yet")  # no published story: nothing to index
    make_tag("Unused")

    sections = lastmods(parse(client.get("/sitemaps/sections.xml")))
    people = lastmods(parse(client.get("/sitemaps/people.xml")))
    tags = lastmods(parse(client.get("/sitemaps/tags.xml")))

    assert [path_of(url) for url in sections] == ["/news/", "/business/", "/opinion/", "/meanwhile/", "/world-cup/"]
    assert sections["http://localhost/news/"] == NOV_10 + 2 * HOUR
    assert people == {"http://localhost/authors/anna-petrova/": DEC_3 + 5 * HOUR}
    assert tags == {"http://localhost/tags/elections/": DEC_3 + 5 * HOUR}


def test_lastmod_is_a_full_w3c_datetime_in_utc(client, archive):
    body = client.get("/sitemaps/articles-2026-12.xml").content.decode()
    assert "<lastmod>2026-12-03T09:00:00Z</lastmod>" in body


def test_sitemaps_ignore_the_host_they_are_requested_on(client, archive):
    """Locations are the canonical ones, from the Wagtail Site, even through another host name."""
    response = client.get("/sitemap.xml", HTTP_HOST="127.0.0.1:8000")
    assert all(url.startswith("http://localhost/") for url in locations(parse(response)))


class TestNewsSitemap:
    NOW = datetime.datetime(2026, 11, 29, 12, 0, tzinfo=datetime.UTC)

    def news(self, client) -> list[str]:
        with time_machine.travel(self.NOW, tick=False):
            root = parse(client.get("/sitemaps/news.xml"))
        return [title for title in root.xpath("//news:title/text()", namespaces=NS)]

    def test_the_48_hour_window_at_its_edges(self, client, newsroom):
        window = datetime.timedelta(hours=48)
        second = datetime.timedelta(seconds=1)
        make_article(newsroom.news, "Just in", self.NOW - second)
        make_article(newsroom.news, "Exactly 48 hours old", self.NOW - window)
        make_article(newsroom.news, "One second too old", self.NOW - window - second)
        make_article(newsroom.news, "Dated in the future", self.NOW + HOUR)

        assert self.news(client) == ["Just in", "Exactly 48 hours old"]

        # A second later the oldest one has left.
        with time_machine.travel(self.NOW + second, tick=False):
            root = parse(client.get("/sitemaps/news.xml"))
        assert root.xpath("//news:title/text()", namespaces=NS) == ["Just in"]

    def test_entries_follow_googles_news_specification(self, client, newsroom):
        story = make_article(newsroom.news, "Мэр & the <harbour> “deal” 🚢", self.NOW - HOUR)

        with time_machine.travel(self.NOW, tick=False):
            root = parse(client.get("/sitemaps/news.xml"))

        assert root.tag == f"{{{SITEMAP}}}urlset"
        assert root.nsmap["news"] == NS["news"]
        (url,) = root.xpath("/sm:urlset/sm:url", namespaces=NS)
        assert url.findtext(f"{{{SITEMAP}}}loc") == "http://localhost" + story.url
        news = url.find(f"{{{NS['news']}}}news")
        assert news.findtext("news:publication/news:name", namespaces=NS) == "The Broadsheet Daily"
        assert news.findtext("news:publication/news:language", namespaces=NS) == "en"
        assert news.findtext("news:publication_date", namespaces=NS) == "2026-11-29T11:00:00Z"
        assert news.findtext("news:title", namespaces=NS) == "Мэр & the <harbour> “deal” 🚢"

    def test_the_publication_name_can_be_set_for_google_news(self, client, newsroom):
        from broadsheet.seo.models import SearchAndSharingSettings

        sharing = SearchAndSharingSettings.for_site(newsroom.site)
        sharing.news_publication_name = "Broadsheet Daily (London)"
        sharing.save()
        make_article(newsroom.news, "Story", self.NOW - HOUR)

        with time_machine.travel(self.NOW, tick=False):
            root = parse(client.get("/sitemaps/news.xml"))
        assert root.xpath("//news:name/text()", namespaces=NS) == ["Broadsheet Daily (London)"]

    def test_the_cap_keeps_the_newest(self, client, newsroom, monkeypatch):
        assert NewsSitemap.limit == 1000
        monkeypatch.setattr(NewsSitemap, "limit", 5)
        make_articles(newsroom.news, 7, self.NOW - 10 * HOUR)
        assert self.news(client) == ["Story 07", "Story 06", "Story 05", "Story 04", "Story 03"]

    def test_control_characters_in_a_headline_do_not_break_the_xml(self, client, newsroom):
        make_article(newsroom.news, "Bell\x07 and\x0b tab", self.NOW - HOUR)
        assert self.news(client) == ["Bell and tab"]


def test_sitemaps_tell_crawlers_not_to_index_them_as_pages(client, archive):
    assert client.get("/sitemap.xml")["X-Robots-Tag"].startswith("noindex")


def test_update_keeps_lastmod_in_step(client, archive):
    ArticlePage.objects.filter(pk=archive["pictured"].pk).update(last_published_at=F("last_published_at") + HOUR)
    dates = lastmods(parse(client.get("/sitemaps/articles-2026-12.xml")))
    assert dates["http://localhost" + archive["pictured"].url] == DEC_3 + 6 * HOUR


def test_a_month_sitemap_costs_the_same_queries_however_many_pictured_stories(client, newsroom):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count() -> int:
        client.get("/sitemaps/articles-2026-11.xml")  # makes any missing rendition
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/sitemaps/articles-2026-11.xml").status_code == 200
        return len(queries)

    make_article(newsroom.news, "First", NOV_10, lead_image=make_image("First picture"))
    before = count()
    for number in range(5):
        make_article(
            newsroom.news, f"More {number}", NOV_10 + number * HOUR, lead_image=make_image(f"Picture {number}")
        )
    assert count() == before


def test_a_rebake_reads_the_short_sitemaps_once_and_records_what_they_list(archive, person, tag):
    """The index and the sections', people's and tags' sitemaps share one reading of each list."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from broadsheet.publishing.fragments import fragments_cached
    from broadsheet.publishing.record import object_key
    from broadsheet.publishing.render import Renderer

    urls = ["/sitemaps/sections.xml", "/sitemaps/people.xml", "/sitemaps/tags.xml"]
    alone = {}
    for url in urls:
        with fragments_cached():
            alone[url] = Renderer().render(url)
    with fragments_cached():
        renderer = Renderer()
        renderer.render("/sitemap.xml")
        with CaptureQueriesContext(connection) as queries:
            together = {url: renderer.render(url) for url in urls}
    read = " ".join(query["sql"] for query in queries.captured_queries)
    assert "taxonomy_tag" not in read and "people_person" not in read and "sections_sectionpage" not in read
    for url in urls:
        assert together[url].body == alone[url].body, url
        assert together[url].keys == alone[url].keys, url
    assert object_key(tag) in together["/sitemaps/tags.xml"].keys  # renaming the tag rebakes its sitemap
    assert object_key(person) in together["/sitemaps/people.xml"].keys

"""``create_demo`` builds a whole newsroom, and running it again duplicates nothing.

Building the newsroom takes seconds, so the module builds it once, inside a
transaction rolled back when the module ends (as ``setUpTestData`` would);
each test still runs in its own savepoint, so reruns inside a test are
undone too.
"""

import collections
import datetime
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, PageLogEntry, ReferenceIndex, Revision, Site
from wagtail.search.models import IndexEntry

from broadsheet.articles.models import ArticleAuthor, ArticleKind, ArticlePage, ArticleRelatedLink, ArticleTag
from broadsheet.company.models import CompanyPage
from broadsheet.core.models import SiteSettings
from broadsheet.demo import newsroom
from broadsheet.demo.stories import HISTORY
from broadsheet.home.models import HomePage, HomeTopStory
from broadsheet.images.models import BroadsheetImage
from broadsheet.listings.models import EventPage, Occurrence, Venue
from broadsheet.people.models import Person
from broadsheet.sections.models import NavigationSettings, SectionPage
from broadsheet.taxonomy.models import Tag

ARTICLES = 30
CYRILLIC_ES = "\u0421"

pytestmark = pytest.mark.django_db(transaction=False)


def create_demo(articles: int = ARTICLES) -> str:
    out = StringIO()
    call_command("create_demo", articles=articles, stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module", autouse=True)
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        yield create_demo()
        transaction.set_rollback(True)


def counts() -> dict[str, int]:
    pages = collections.Counter(page.specific_class.__name__ for page in Page.objects.all())
    models = [
        Person,
        Tag,
        BroadsheetImage,
        Redirect,
        Revision,
        PageLogEntry,
        ReferenceIndex,
        IndexEntry,
        ArticleAuthor,
        ArticleTag,
        ArticleRelatedLink,
        HomeTopStory,
        Venue,
        Occurrence,
        Site,
        SiteSettings,
        NavigationSettings,
        get_user_model(),
        Group,
    ]
    return {**pages, **{model.__name__: model.objects.count() for model in models}}


def test_a_second_run_duplicates_nothing(demo):
    first = counts()
    output = create_demo()

    assert counts() == first
    assert first["ArticlePage"] == ARTICLES
    assert first["Redirect"] == 0
    assert first["IndexEntry"] > 0  # searchable, indexed once at the end
    places = collections.Counter(
        (path[: -Page.steplen], slug) for path, slug in ArticlePage.objects.values_list("path", "slug")
    )
    assert max(places.values()) == 1
    # The login is printed on every run, reruns included.
    for run in (demo, output):
        assert "/admin/" in run and newsroom.EDITOR_USERNAME in run
        assert newsroom.EDITOR_PASSWORD in run


def test_more_stories_can_be_added_later():
    create_demo(articles=ARTICLES + 10)

    assert ArticlePage.objects.count() == ARTICLES + 10
    # The demo computes tree paths itself: treebeard must find nothing wrong.
    assert Page.find_problems() == ([], [], [], [], [])


def test_the_site_is_the_demo_home_page():

    site = Site.objects.get(is_default_site=True)
    home = HomePage.objects.get()
    # The address it is served on (the test settings' BROADSHEET_BASE_URL, http://testserver).
    assert (site.hostname, site.port, site.root_page_id) == ("testserver", 80, home.pk)
    assert site.root_url == "http://testserver"
    assert home.title == newsroom.SITE_NAME
    # Wagtail's welcome page is gone: the only page under the root is ours.
    assert list(Page.get_first_root_node().get_children()) == [home.page_ptr]
    assert home.lead_story is not None
    assert 4 <= home.top_stories.count() <= 6

    settings = SiteSettings.for_site(site)
    assert settings.site_name == newsroom.SITE_NAME
    assert settings.time_zone != "UTC"
    assert settings.founding_year == 1992
    assert settings.age_rating == "16+"
    lines = settings.legal_notice.splitlines()
    assert any(line.isascii() for line in lines)
    assert any("Учредитель" in line for line in lines)
    footer_links = {link["label"]: link["url"] for group in settings.footer_links for link in group.value["links"]}
    for page in CompanyPage.objects.all():
        assert footer_links[page.title] == page.relative_url(site)


def test_sections_mix_scripts_but_keep_ascii_slugs():

    sections = {section.slug: section for section in SectionPage.objects.all()}
    assert set(sections) == {
        "news",
        "business",
        "opinion",
        "city",
        "meanwhile",
        "world-cup-2026",
        "city-listings-guide",
    }
    assert sections["meanwhile"].title == "Meanwhile…"
    hub = sections["world-cup-2026"]
    assert CYRILLIC_ES in hub.title
    assert hub.is_special and hub.active_until > timezone.localdate()
    menu = NavigationSettings.for_site(Site.objects.get(is_default_site=True)).visible_sections()
    assert [entry["page"].slug for entry in menu][:3] == ["news", "business", "opinion"]
    assert "Meanwhile…" in [entry["label"] for entry in menu]


def test_the_newsroom_has_people_pictures_and_tags():

    assert Person.objects.count() >= 20
    assert Person.objects.filter(photo__isnull=False).count() >= 18
    assert Person.objects.exclude(name__regex=r"^[A-Za-z .'-]+$").exists()  # some Cyrillic names
    photos = BroadsheetImage.objects.exclude(title__startswith="Portrait:")
    assert 30 <= photos.count() <= 40
    assert {(image.width, image.height) for image in photos} == {(1600, 900)}
    assert not photos.filter(credit="").exists()
    assert Tag.objects.count() >= 40
    assert Tag.objects.filter(name__regex=r"[А-я]").exists()
    assert all(tag.slug.isascii() for tag in Tag.objects.all())


def test_stories_use_every_feature():

    articles = ArticlePage.objects.all()
    opinion = SectionPage.objects.get(slug="opinion")
    assert set(articles.child_of(opinion).values_list("kind", flat=True)) == {ArticleKind.OPINION}
    assert not articles.not_child_of(opinion).filter(kind=ArticleKind.OPINION).exists()
    assert articles.filter(significant_update_at__isnull=False).exists()
    assert articles.filter(lead_image__isnull=False).exists()
    assert articles.filter(article_authors__isnull=True).exclude(byline_credit="").exists()
    assert not all(article.title.isascii() for article in articles)
    block_types = {block.block_type for article in articles for block in article.body}
    assert block_types == {"paragraph", "heading", "quote", "image", "fact_box", "link_card"}
    now = timezone.now()
    for article in articles:
        assert article.live and article.latest_revision_id and article.live_revision_id
        assert now - article.first_published_at < HISTORY
        assert article.last_published_at >= article.first_published_at


def test_everything_generated_passes_validation():

    for page in Page.objects.exclude(depth=1).specific():
        page.full_clean()
    for person in Person.objects.all():
        person.full_clean()
        person.social_links.stream_block.clean(person.social_links)
    for article in ArticlePage.objects.all():
        article.body.stream_block.clean(article.body)
    settings = SiteSettings.objects.get()
    settings.footer_links.stream_block.clean(settings.footer_links)
    settings.social_profiles.stream_block.clean(settings.social_profiles)


def test_demo_pages_render():
    client = Client()
    article = ArticlePage.objects.published().first()
    author = Person.objects.filter(article_links__isnull=False).first()

    for url in [
        "/",
        "/news/",
        "/meanwhile/",
        "/world-cup-2026/",
        article.url,
        author.get_absolute_url(),
        "/about-us/",
        "/where-to-find-us/",
        "/city-guide/",
        "/city-guide/today/",
        EventPage.objects.first().url,
    ]:
        assert client.get(url).status_code == 200, url


def test_the_editor_can_edit_a_generated_story():
    editor = get_user_model().objects.get(username=newsroom.EDITOR_USERNAME)
    assert not editor.is_superuser
    assert set(editor.groups.values_list("name", flat=True)) == {"Editors", "Moderators"}
    client = Client()
    assert client.login(username=newsroom.EDITOR_USERNAME, password=newsroom.EDITOR_PASSWORD)
    article = ArticlePage.objects.first()

    assert client.get(f"/admin/pages/{article.pk}/edit/").status_code == 200
    assert client.get(f"/admin/pages/{article.pk}/history/").status_code == 200


def test_the_footer_lists_each_social_profile_once():
    html = Client().get("/").content.decode()

    for _, url in newsroom.SOCIAL_PROFILES:
        assert html.count(f'href="{url}"') == 1, url


def test_the_city_guide_has_venues_and_a_month_of_events():
    assert Venue.objects.count() >= 10
    events = EventPage.objects.live()
    assert events.count() >= 40
    assert events.filter(editors_pick=True).exists()
    assert events.filter(schedules__isnull=False).distinct().count() >= 5, "some events repeat weekly"
    today = timezone.localdate(timezone.now(), SiteSettings.objects.get().zoneinfo)
    local_days = {
        timezone.localdate(o.starts_at, SiteSettings.objects.get().zoneinfo) for o in Occurrence.objects.all()
    }
    assert today in local_days, "something is on tonight"
    assert max(local_days) - today >= datetime.timedelta(days=25), "listings run for about a month"
    menu = NavigationSettings.for_site(Site.objects.get(is_default_site=True)).visible_sections()
    assert "What's on" in [entry["label"] for entry in menu]


def test_a_bigger_demo_is_a_longer_archive_at_a_daily_rate():
    """10,000 stories fit the 90 days at about 110 a day; 100,000 go back two and a half years, not ten times denser."""
    import datetime
    import random
    from types import SimpleNamespace

    from broadsheet.demo.stories import STORIES_PER_DAY, StoryDesk, archive_span_for

    assert archive_span_for(500) == archive_span_for(9900) == HISTORY
    assert archive_span_for(100_000) == datetime.timedelta(days=910)
    assert 100_000 / archive_span_for(100_000).days <= STORIES_PER_DAY

    now = datetime.datetime(2026, 11, 29, 12, tzinfo=datetime.UTC)
    desk = StoryDesk.__new__(StoryDesk)
    desk.materials = SimpleNamespace(now=now, archive_span=archive_span_for(100_000))
    rng = random.Random(4)
    times = [desk.publication_time(number, rng) for number in range(3, 2000)]
    assert min(times) >= now - datetime.timedelta(days=910)
    assert min(times) < now - HISTORY * 3  # stories from well before the last 90 days

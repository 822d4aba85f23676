"""Fill the database with a generated newsroom: ``broadsheet create_demo``.

Why it exists: ``make demo`` has to show a site that looks like a working
daily (hundreds of dated stories in every section, bylines, credited
pictures, tags in two scripts, a special-topic hub, company pages and a
legal footer) on a fresh SQLite database, with no network and no fixtures
to keep in step with the models.

Why it is safe to rerun: everything is looked up by a natural key before it
is made (the site's home page, section and company page slugs, person
slugs, tag names, image titles, an article's section and slug) and what
already exists is left alone, editors' changes included. The copy is
generated per item from ``--seed``, so a rerun plans the same stories and
recognises them.

Why it is fast: search and reference indexing wait until the end
(``demo.indexing``), stories are appended to their section without
re-reading the tree for each one (``demo.tree``), and revisions and history
are written in bulk (``demo.history``). The load is one transaction, so a
failed run leaves no half-built newsroom behind (only picture files).
"""

import datetime
import functools
import time
from io import BytesIO
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.images import ImageFile
from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, Site

from broadsheet.articles.models import ArticlePage
from broadsheet.company.models import CompanyPage
from broadsheet.core.models import SiteSettings
from broadsheet.core.slugs import ascii_slugify
from broadsheet.corrections.demo import create_demo_corrections
from broadsheet.demo import newsroom, pictures
from broadsheet.demo.accounts import ensure_editor
from broadsheet.demo.content import Copywriter
from broadsheet.demo.history import record_publication
from broadsheet.demo.indexing import deferred_indexing
from broadsheet.demo.stories import Materials, StoryDesk, archive_span_for
from broadsheet.demo.tree import ChildPages
from broadsheet.editions.demo import create_print_demo
from broadsheet.home.models import HomePage, HomeTopStory
from broadsheet.images.models import BroadsheetImage
from broadsheet.listings.demo import create_city_guide
from broadsheet.people.models import Person
from broadsheet.sections.models import NavigationSettings, SectionPage
from broadsheet.taxonomy.models import Tag

PICTURES_PER_SCENE = 6
TOP_STORY_COUNT = 5
HUB_RUNS_FOR = datetime.timedelta(days=120)


def step(method):
    """Report how long each step of the recipe took (at verbosity 2)."""

    @functools.wraps(method)
    def timed(self, *args, **kwargs):
        started = time.monotonic()
        result = method(self, *args, **kwargs)
        self.log(f"{method.__name__.replace('_', ' ').capitalize()}: {time.monotonic() - started:.1f}s")
        return result

    return timed


class Command(BaseCommand):
    help = "Create, or complete, a generated demo newsroom. Safe to rerun: nothing is duplicated."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--articles", type=int, default=500, help="How many stories to plan (default 500).")
        parser.add_argument("--seed", type=int, default=1992, help="Seed for the generated copy and pictures.")

    def handle(self, *args, articles: int, seed: int, **options) -> None:
        self.verbosity = options["verbosity"]
        self.writer = Copywriter(seed)
        self.now = timezone.now()
        self.archive_span = archive_span_for(articles)
        self.new_pages: list[Page] = []
        started = time.monotonic()
        with deferred_indexing() as saved, transaction.atomic():
            self.editor = ensure_editor()
            self.home = self.create_home()
            self.site = self.create_site()
            self.people = self.create_people()
            self.pictures = self.create_pictures()
            self.tags = self.create_tags()
            self.sections = self.create_sections()
            self.company_pages = self.create_company_pages()
            self.configure_site_settings()
            self.configure_navigation()
            self.create_articles(articles)
            self.choose_top_stories()
            create_demo_corrections(self.editor)
            create_print_demo(seed, self.now.date())
            create_city_guide(self)
            self.record_history()
        self.log(f"Index {saved.indexed} new objects for search and usage counts: {saved.seconds:.1f}s")
        self.print_summary(time.monotonic() - started)

    # The steps

    @step
    def create_home(self) -> HomePage:
        home = HomePage.objects.first()
        if home:
            return home
        root = Page.get_first_root_node()
        # Wagtail's "Welcome to your new Wagtail site!" page is a plain Page
        # under the root. Its site moves to the root first so that deleting
        # the page does not delete the site along with it.
        welcome = root.get_children().filter(content_type=ContentType.objects.get_for_model(Page), numchild=0)
        Site.objects.filter(root_page__in=welcome).update(root_page=root)
        for page in welcome:
            page.delete()
        home = HomePage(title=newsroom.SITE_NAME, slug="home", **self.published_at(self.now - self.archive_span))
        return self.add_page(Page.get_first_root_node(), home)

    @step
    def create_site(self) -> Site:
        site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
        # Canonical links, feeds and sitemaps carry the Site's root URL: make it the
        # address the demo is served on (BROADSHEET_BASE_URL, which `make demo` sets).
        address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
        site.hostname = address.hostname or "localhost"
        site.port = address.port or (443 if address.scheme == "https" else 80)
        site.root_page = self.home
        site.site_name = site.site_name or newsroom.SITE_NAME
        site.save()
        return site

    @step
    def create_people(self) -> list[tuple[Person, tuple[str, ...]]]:
        existing = {person.slug: person for person in Person.objects.all()}
        people, slugs = [], set()
        for number, (role, beats) in enumerate(newsroom.DESKS):
            name, slug = self.unique_name(number, slugs)
            person = existing.get(slug)
            if person is None:
                person = Person(name=name, slug=slug, role=role, bio=self.writer.bio(name, role))
                person.social_links = self.social_links(slug)
                if number % 10 != 9:  # a few people have no photo, as in real life
                    portrait = pictures.portrait(name, self.writer.rng)
                    person.photo = self.save_image(f"Portrait: {name}", portrait, "png", "Staff photographer", name)
                person.save()
            people.append((person, beats))
        return people

    @step
    def create_pictures(self) -> dict[str, list[BroadsheetImage]]:
        photographers = [person.name for person, _ in self.people if person.role == "Photographer"]
        credits = newsroom.PHOTO_CREDITS + [f"{name} / {newsroom.SITE_NAME}" for name in photographers]
        titles = [(scene, f"{scene} {n}") for scene in pictures.SCENES for n in range(1, PICTURES_PER_SCENE + 1)]
        existing = {image.title: image for image in BroadsheetImage.objects.filter(title__in=[t for _, t in titles])}
        by_scene: dict[str, list[BroadsheetImage]] = {scene: [] for scene in pictures.SCENES}
        for number, (scene, title) in enumerate(titles):
            image = existing.get(title)
            if image is None:
                rng = self.writer.reseed("picture", number)
                photo = pictures.news_photo(scene, rng)
                image = self.save_image(title, photo, "jpg", rng.choice(credits), f"{scene} (generated picture)")
            by_scene[scene].append(image)
        return by_scene

    @step
    def create_tags(self) -> list[Tag]:
        return [
            Tag.objects.filter(name__iexact=name).first() or Tag.objects.create(name=name) for name in newsroom.TAGS
        ]

    @step
    def create_sections(self) -> dict[str, tuple[SectionPage, newsroom.Section]]:
        existing = {page.slug: page for page in SectionPage.objects.child_of(self.home)}
        children = ChildPages(self.home)
        sections = {}
        for spec in newsroom.SECTIONS:
            slug = ascii_slugify(spec.title)
            page = existing.get(slug)
            if page is None:
                page = SectionPage(
                    title=spec.title,
                    slug=slug,
                    intro=spec.intro,
                    is_special=spec.is_special,
                    active_until=(self.now + HUB_RUNS_FOR).date() if spec.is_special else None,
                    **self.published_at(self.now - self.archive_span),
                )
                self.add_page(children, page)
            sections[slug] = (page, spec)
        return sections

    @step
    def create_company_pages(self) -> list[CompanyPage]:
        existing = {page.slug: page for page in CompanyPage.objects.child_of(self.home)}
        children = ChildPages(self.home)
        pages = []
        for number, spec in enumerate(newsroom.COMPANY_PAGES):
            slug = ascii_slugify(spec.title)
            page = existing.get(slug)
            if page is None:
                self.writer.reseed("company", number)
                page = CompanyPage(
                    title=spec.title,
                    slug=slug,
                    summary=spec.summary,
                    body=self.writer.company_body(spec.topic),
                    **self.published_at(self.now - self.archive_span),
                )
                self.add_page(children, page)
            pages.append(page)
        return pages

    @step
    def configure_site_settings(self) -> None:
        site_settings, created = SiteSettings.objects.get_or_create(site=self.site)
        if not created and site_settings.site_name != SiteSettings._meta.get_field("site_name").default:
            return  # configured before, perhaps edited since: leave it
        site_settings.site_name = newsroom.SITE_NAME
        site_settings.tagline = newsroom.TAGLINE
        site_settings.time_zone = newsroom.TIME_ZONE
        site_settings.founding_year = newsroom.FOUNDING_YEAR
        site_settings.copyright_holder = newsroom.COPYRIGHT_HOLDER
        site_settings.legal_notice = newsroom.LEGAL_NOTICE
        site_settings.age_rating = newsroom.AGE_RATING
        # A page's path below the site's home: "/home/about-us/" is served as "/about-us/".
        company = [
            {"label": page.title, "url": page.url_path[len(self.home.url_path) - 1 :]} for page in self.company_pages
        ]
        site_settings.footer_links = [{"type": "group", "value": {"heading": "Company", "links": company}}]
        # The footer shows these under "Follow" by itself (core footer_groups).
        site_settings.social_profiles = [
            {"type": "profile", "value": {"network": network, "url": url}} for network, url in newsroom.SOCIAL_PROFILES
        ]
        site_settings.save()

    @step
    def configure_navigation(self) -> None:
        navigation, _ = NavigationSettings.objects.get_or_create(site=self.site)
        if navigation.items:
            return
        navigation.items = [
            {"type": "section", "value": {"section": page.pk, "label": spec.nav_label}}
            for page, spec in self.sections.values()
        ]
        navigation.save()

    @step
    def create_articles(self, count: int) -> None:
        desk = StoryDesk(
            self.writer,
            Materials(
                sections=list(self.sections.values()),
                people=self.people,
                pictures=self.pictures,
                tags=self.tags,
                editor=self.editor,
                now=self.now,
                archive_span=self.archive_span,
            ),
        )
        new_pages = desk.file_stories(count)
        self.new_pages += new_pages
        self.log(f"Filed {len(new_pages)} new stories ({count} planned).")

    @step
    def choose_top_stories(self) -> None:
        """The newest news story with a picture leads; the next few from other sections follow."""
        home = self.home
        if home.lead_story_id or home.top_stories.exists():
            return
        published = ArticlePage.objects.published().newest_first().filter(lead_image__isnull=False)
        lead = published.child_of(self.sections["news"][0]).first()
        if lead is None:
            return
        top, sections_seen = [], {lead.path[: -Page.steplen]}
        for article in published.exclude(pk=lead.pk)[:100]:
            section_path = article.path[: -Page.steplen]
            if section_path not in sections_seen and len(top) < TOP_STORY_COUNT:
                sections_seen.add(section_path)
                top.append(article)
        home.lead_story = lead
        home.top_stories = [HomeTopStory(article=article, sort_order=n) for n, article in enumerate(top)]
        home.save(clean=False)

    @step
    def record_history(self) -> None:
        record_publication(self.new_pages, self.editor)

    # Helpers

    def add_page(self, parent: Page | ChildPages, page: Page) -> Page:
        children = parent if isinstance(parent, ChildPages) else ChildPages(parent)
        children.add(page)
        self.new_pages.append(page)
        return page

    def published_at(self, moment: datetime.datetime) -> dict:
        """The fields ``publish()`` would have set, for a page first published at ``moment``."""
        return {
            "live": True,
            "has_unpublished_changes": False,
            "first_published_at": moment,
            "last_published_at": moment,
            "latest_revision_created_at": moment,
            "owner": self.editor,
        }

    def unique_name(self, number: int, taken: set[str]) -> tuple[str, str]:
        """Person ``number``'s name and slug; Faker may repeat a name, so draw again if it does."""
        for attempt in range(100):
            self.writer.reseed("person", number * 100 + attempt)
            name = self.writer.person_name(cyrillic=number in newsroom.CYRILLIC_STAFF)
            slug = ascii_slugify(name, max_length=90)
            if slug not in taken:
                taken.add(slug)
                return name, slug
        raise RuntimeError(f"No unused name for person {number}")

    def social_links(self, slug: str) -> list[dict]:
        handle = slug.replace("-", "_")
        networks = [("x", f"https://x.com/example_{handle}"), ("telegram", f"https://t.me/example_{handle}")]
        if self.writer.rng.random() < 0.5:
            networks.append(("website", f"https://{slug}.example.com/"))
        return [{"type": "profile", "value": {"network": network, "url": url}} for network, url in networks]

    def save_image(self, title: str, data: bytes, extension: str, credit: str, description: str) -> BroadsheetImage:
        # Wagtail reads the width and height from the file as it is assigned.
        image = BroadsheetImage(
            title=title,
            file=ImageFile(BytesIO(data), name=f"{ascii_slugify(title)}.{extension}"),
            credit=credit,
            description=description,
            uploaded_by_user=self.editor,
        )
        image.save()
        return image

    def log(self, message: str, level: int = 2) -> None:
        if self.verbosity >= level:
            self.stdout.write(message)

    def print_summary(self, seconds: float) -> None:
        counts = {
            "sections": SectionPage.objects.count(),
            "articles": ArticlePage.objects.count(),
            "company pages": CompanyPage.objects.count(),
            "people": Person.objects.count(),
            "tags": Tag.objects.count(),
            "images": BroadsheetImage.objects.count(),
        }
        summary = ", ".join(f"{count} {what}" for what, count in counts.items())
        self.log(f"Demo newsroom ready in {seconds:.1f}s ({len(self.new_pages)} new pages): {summary}.", 1)
        # Printed whatever the verbosity: it is what the person running `make demo` needs next.
        admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("wagtailadmin_home")
        self.stdout.write(
            f"Log in at {admin_url} as “{newsroom.EDITOR_USERNAME}”, password “{newsroom.EDITOR_PASSWORD}”."
        )

"""What each page says about itself: description, preview, structured data.

One description per page, used for ``<meta name="description">``, OpenGraph,
the X/Twitter card and JSON-LD alike, so they cannot disagree. Built from the
template context by page type: a story, a section, the home page, an author,
a tag, a date archive, or any other page (company pages, and the pages of
apps added later: they may put ``meta_title`` and ``meta_description`` in
their context).

Every URL is absolute and under the Wagtail Site's root URL, and the page's
own URL is its canonical address, without the query string a shared link
may carry (``?utm_source=…``, ``fbclid``).
"""

import datetime
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest
from django.utils import dateformat
from django.utils.functional import cached_property
from django.utils.translation import to_locale
from wagtail.models import Page

from broadsheet.articles.models import ArticlePage
from broadsheet.core.memo import memo_active, memoized, reused
from broadsheet.core.models import SiteSettings
from broadsheet.home.models import HomePage
from broadsheet.people.models import Person
from broadsheet.sections.models import SectionPage
from broadsheet.taxonomy.models import Tag

from . import structured_data
from .models import SearchAndSharingSettings
from .pictures import (
    ARTICLE_IMAGE_SPECS,
    SHARE_SPEC,
    Picture,
    default_share_picture,
    image_pictures,
    publisher_logo,
    site_root_url,
)


@dataclass
class Publication:
    """The newspaper itself, as every page describes it."""

    request: HttpRequest
    root_url: str
    site_settings: SiteSettings

    @property
    def name(self) -> str:
        return self.site_settings.site_name

    @property
    def description(self) -> str:
        return self.site_settings.tagline

    @property
    def language(self) -> str:
        return "-".join(part.upper() if i else part for i, part in enumerate(settings.LANGUAGE_CODE.split("-")))

    @cached_property
    def sharing(self) -> SearchAndSharingSettings:
        return SearchAndSharingSettings.for_request(self.request)

    @cached_property
    def logo(self) -> Picture:
        return publisher_logo(self.sharing, self.name, self.root_url)

    @cached_property
    def share_picture(self) -> Picture:
        return default_share_picture(self.sharing, self.name, self.root_url)

    @cached_property
    def same_as(self) -> list[str]:
        return [
            profile.value["url"]
            for profile in self.site_settings.social_profiles
            if profile.value["url"].startswith(("https://", "http://"))
        ]

    @cached_property
    def x_handle(self) -> str:
        """``@name`` from the X (Twitter) profile in the site settings, for ``twitter:site``."""
        for profile in self.site_settings.social_profiles:
            if profile.value["network"] == "x":
                handle = urlsplit(profile.value["url"]).path.strip("/").split("/")[0]
                if handle:
                    return "@" + handle.lstrip("@")
        return ""

    @cached_property
    def organization(self) -> dict:
        """The ``NewsMediaOrganization`` every story names as its publisher (treat as read-only)."""
        return structured_data.organization(self)

    @property
    def images(self) -> list:
        """The editors' pictures the publication's descriptions use (logo, share picture)."""
        return [image for image in (self.sharing.logo, self.sharing.share_image) if image is not None]


def current_publication(request: HttpRequest, root_url: str) -> Publication:
    """The publication, worked out once per bake or rebake (``core.memo``), else once per request.

    Its logo, share picture, profiles and organisation are the same on every
    page; a bake worked them out again for each of its ten thousand pages.
    Each page still records the pictures it shows (``core.memo.reused``).
    """

    if not memo_active():
        # A reader's request: each part is worked out if the page uses it.
        return Publication(request, root_url, SiteSettings.for_request(request))

    def build() -> Publication:
        publication = Publication(request, root_url, SiteSettings.for_request(request))
        for name in ("logo", "share_picture", "same_as", "x_handle", "organization"):
            getattr(publication, name)  # loaded now, inside the memo's factory, for every page to come
        return publication

    publication = memoized(f"seo:publication:{root_url}", build)
    reused(publication.images)
    return publication


@dataclass
class Story:
    """An article with everything its descriptions need, resolved once."""

    page: ArticlePage
    url: str
    description: str
    section: SectionPage | None
    authors: list[tuple]
    tags: list[str]
    pictures: list[Picture]

    @property
    def modified_at(self) -> datetime.datetime | None:
        # None only in the preview of a story never published.
        changes = [self.page.first_published_at, self.page.last_published_at, self.page.significant_update_at]
        return max((change for change in changes if change), default=None)


@dataclass
class PageMetadata:
    publication: Publication
    title: str
    description: str
    url: str
    type: str = "website"
    picture: Picture | None = None
    story: Story | None = None
    structured_data: list[dict] = field(default_factory=list)

    @property
    def locale(self) -> str:
        return to_locale(settings.LANGUAGE_CODE)

    @property
    def image(self) -> Picture:
        return self.picture or self.publication.share_picture

    @property
    def scripts(self) -> list:
        return [structured_data.json_ld_script(data) for data in self.structured_data]


def archive_suffix(context) -> str:
    listing = context.get("listing")
    if listing is None or getattr(listing, "is_front", True):
        return ""
    return f", archive page {listing.number}"


def with_archive_page(description: str, context) -> str:
    suffix = archive_suffix(context)
    return f"{description} Archive page {context['listing'].number}." if suffix else description


def for_context(context) -> PageMetadata:
    request = context["request"]
    root_url = site_root_url(request)
    publication = current_publication(request, root_url)
    url = root_url + request.path
    # Only what the views of these apps put in the context counts: another
    # app's "page" may be a paginator page, its "tag" a string.
    page = context.get("page") if isinstance(context.get("page"), Page) else None
    if isinstance(page, ArticlePage):
        return for_article(page, publication, url, request)
    if isinstance(page, HomePage):
        return for_home(page, publication, url)
    if isinstance(page, SectionPage):
        return for_section(page, publication, url, context, request)
    if isinstance(context.get("person"), Person):
        return for_person(context["person"], publication, url, context)
    if isinstance(context.get("tag"), Tag):
        tag = context["tag"]
        title = tag.name + archive_suffix(context)
        return PageMetadata(
            publication, title, with_archive_page(f"Stories about {tag.name}, newest first.", context), url
        )
    if isinstance(context.get("archive_start"), datetime.date):
        return for_date_archive(publication, url, context)
    title = context.get("meta_title") or (page.seo_title or page.title if page else publication.name)
    description = context.get("meta_description") or (
        getattr(page, "search_description", "") or getattr(page, "summary", "") or publication.description
    )
    return PageMetadata(publication, title, description or publication.name, url)


def for_article(page: ArticlePage, publication: Publication, url: str, request) -> PageMetadata:
    description = page.search_description or page.standfirst or page.title
    if page.lead_image:
        renditions = image_pictures(page.lead_image, (SHARE_SPEC, *ARTICLE_IMAGE_SPECS), publication.root_url)
        picture = renditions[SHARE_SPEC]
        pictures = [renditions[spec] for spec in ARTICLE_IMAGE_SPECS]
    else:
        picture, pictures = None, [publication.share_picture]
    story = Story(
        page=page,
        url=url,
        description=description,
        section=page.section,
        authors=[(person, publication.root_url + person.get_absolute_url()) for person in page.authors()],
        tags=[tag.name for tag in page.topics()],
        pictures=pictures,
    )
    trail = [(publication.name, publication.root_url + "/")]
    if story.section:
        trail.append((story.section.title, story.section.get_full_url(request)))
    trail.append((page.title, url))
    return PageMetadata(
        publication,
        page.title,
        description,
        url,
        type="article",
        picture=picture,
        story=story,
        structured_data=[structured_data.article(story, publication), structured_data.breadcrumbs(trail)],
    )


def for_home(page: HomePage, publication: Publication, url: str) -> PageMetadata:
    description = page.search_description or publication.description or publication.name
    title = page.seo_title or publication.name
    return PageMetadata(publication, title, description, url, structured_data=structured_data.home_page(publication))


def for_section(page: SectionPage, publication: Publication, url: str, context, request) -> PageMetadata:
    description = with_archive_page(page.search_description or page.intro or page.title, context)
    trail = [(publication.name, publication.root_url + "/"), (page.title, page.get_full_url(request))]
    return PageMetadata(
        publication,
        (page.seo_title or page.title) + archive_suffix(context),
        description,
        url,
        structured_data=[structured_data.breadcrumbs(trail)],
    )


def for_person(person, publication: Publication, url: str, context) -> PageMetadata:
    description = (
        f"{person.name}, {person.role}: stories by {person.name}." if person.role else f"Stories by {person.name}."
    )
    profile_url = publication.root_url + person.get_absolute_url()
    return PageMetadata(
        publication,
        person.name + archive_suffix(context),
        with_archive_page(description, context),
        url,
        type="profile",
        structured_data=[structured_data.profile_page(person, profile_url)],
    )


def for_date_archive(publication: Publication, url: str, context) -> PageMetadata:
    start = context["archive_start"]
    if context.get("is_day"):
        name, description = dateformat.format(start, "j F Y"), f"on {dateformat.format(start, 'j F Y')}"
    else:
        name, description = dateformat.format(start, "F Y"), f"in {dateformat.format(start, 'F Y')}"
    return PageMetadata(
        publication,
        name + archive_suffix(context),
        with_archive_page(f"Every story first published {description}.", context),
        url,
    )

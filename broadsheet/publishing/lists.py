"""Which lists a URL shows the newest of, and which lists an article belongs to.

A newly published story appears at the top of the front of every list it
belongs to: the site (home page, site feeds, sitemaps), its section, its
tags, its authors and its day and month archives. Numbered pages
(``…/page/N/``) count from the oldest story (core.pagination), so they never
take a new story and belong to no list here.

Other apps add to both sides through the Wagtail hooks
``broadsheet_bake_list_keys_for_url`` (a function of a path returning keys)
and views may call ``record.depends_on`` directly.
"""

import re
from functools import cache

from django.utils import timezone
from wagtail import hooks

from broadsheet.core.timezones import site_zone

NUMBERED = re.compile(r"/page/[^/]+/$")
DATE_ARCHIVE = re.compile(r"^/(\d{4})/(\d{2})/(?:(\d{2})/)?$")
PERSON_OR_TAG = re.compile(r"^/(authors|tags)/([^/]+)/(?:[^/]+\.\w+)?$")
SECTION = re.compile(r"^/([^/]+)/(?:[^/]+\.\w+)?$")
# The feeds of one section, tag or author follow that list.
LIST_FEED = re.compile(r"^/feeds/(sections|tags|authors)/([^/]+)/[^/]+\.\w+$")
FEED_LIST_KINDS = {"sections": "section", "tags": "tag", "authors": "author"}
# A month's story sitemap (and its further pages) follows that month.
MONTH_SITEMAP = re.compile(r"^/sitemaps/articles-(\d{4})-(\d{2})(?:-\d+)?\.xml$")
# Sitemaps of other apps' objects (print editions…) name their own keys by hook.
OTHER_SITEMAP = re.compile(r"^/sitemaps/print\.xml$")
# Site-wide machine-readable lists: the site feeds, the sitemap index and the
# sitemaps dated by the newest story (pages, sections, people, tags, news).
SITE_FILE = re.compile(r"^/(?:feeds/[^/]+|sitemaps?/[^/]+|[^/]+\.(?:xml|json))$")


class ListLookup:
    """Slugs to primary keys, read once per bake (or per rebake)."""

    @cache  # noqa: B019 - one lookup object lives for one bake
    def sections(self) -> dict[str, int]:
        from broadsheet.sections.models import SectionPage

        return {page.slug: page.pk for page in SectionPage.objects.only("pk", "slug")}

    @cache  # noqa: B019
    def people(self) -> dict[str, int]:
        from broadsheet.people.models import Person

        return dict(Person.objects.values_list("slug", "pk"))

    @cache  # noqa: B019
    def tags(self) -> dict[str, int]:
        from broadsheet.taxonomy.models import Tag

        return dict(Tag.objects.values_list("slug", "pk"))


def list_keys_for_url(path: str, lookup: ListLookup) -> set[str]:
    if NUMBERED.search(path):
        return set()
    keys: set[str] = set()
    if match := LIST_FEED.match(path):
        kind, slug = match.groups()
        slugs = {"sections": lookup.sections, "tags": lookup.tags, "authors": lookup.people}[kind]()
        if slug in slugs:
            keys.add(f"list:{FEED_LIST_KINDS[kind]}:{slugs[slug]}")
    elif match := MONTH_SITEMAP.match(path):
        keys.add(f"list:month:{match.group(1)}-{match.group(2)}")
    elif OTHER_SITEMAP.match(path):
        pass
    elif path == "/" or SITE_FILE.match(path):
        keys.add("list:site")
    elif match := DATE_ARCHIVE.match(path):
        year, month, day = match.groups()
        keys.add(f"list:day:{year}-{month}-{day}" if day else f"list:month:{year}-{month}")
    elif match := PERSON_OR_TAG.match(path):
        kind, slug = match.groups()
        pk = (lookup.people() if kind == "authors" else lookup.tags()).get(slug)
        if pk is not None:
            keys.add(f"list:{'author' if kind == 'authors' else 'tag'}:{pk}")
    elif (match := SECTION.match(path)) and match.group(1) in lookup.sections():
        keys.add(f"list:section:{lookup.sections()[match.group(1)]}")
    for hook in hooks.get_hooks("broadsheet_bake_list_keys_for_url"):
        keys.update(hook(path) or ())
    return keys


def list_keys_for_article(article) -> set[str]:
    """The lists whose front a published ``article`` appears on."""
    keys = {"list:site", f"list:section:{article.get_parent().pk}"}
    keys.update(f"list:author:{link.person_id}" for link in article.article_authors.all())
    keys.update(f"list:tag:{item.tag_id}" for item in article.tagged_items.all())
    if article.first_published_at:
        day = timezone.localtime(article.first_published_at, site_zone()).date()
        keys.add(f"list:day:{day:%Y-%m-%d}")
        keys.add(f"list:month:{day:%Y-%m}")
    return keys


def list_front_urls(article) -> list[str]:
    """The front pages of the lists a published ``article`` belongs to."""
    from django.urls import reverse

    urls = ["/", article.get_parent().specific_deferred.get_url()]
    urls += [link.person.get_absolute_url() for link in article.article_authors.all()]
    urls += [item.tag.get_absolute_url() for item in article.tagged_items.all()]
    if article.first_published_at:
        day = timezone.localtime(article.first_published_at, site_zone()).date()
        kwargs = {"year": f"{day:%Y}", "month": f"{day:%m}"}
        urls += [
            reverse("articles:day", kwargs={**kwargs, "day": f"{day:%d}"}),
            reverse("articles:month", kwargs=kwargs),
        ]
    return [url for url in urls if url]

"""Shared fixtures: a small newsroom on a real Wagtail site tree.

The default Wagtail welcome page is replaced by a HomePage with sections under
it, the site settings use a time zone that is not UTC (so date bugs show), and
the menu lists the sections in a chosen order.
"""

import datetime
from types import SimpleNamespace

import pytest
from wagtail.models import Site

from broadsheet.core.tests.factories import make_site_settings
from broadsheet.home.tests.factories import make_home
from broadsheet.people.tests.factories import make_person
from broadsheet.sections.tests.factories import make_navigation, make_section
from broadsheet.taxonomy.tests.factories import make_tag

SITE_NAME = "The Broadsheet Daily"
LEGAL_NOTICE = "Сетевое издание «Бродшит» зарегистрировано 16 ноября 2015 г.\nRegistered in England and Wales."
# The World Cup hub leaves the menu after this day.
WORLD_CUP_ENDS = datetime.date(2030, 7, 21)


@pytest.fixture(autouse=True)
def empty_caches():
    """Each test starts with empty caches, as a new site would.

    The test database is rolled back between tests and reuses ids, while
    the in-memory cache outlives it: Wagtail's cached renditions of image
    12 from one test were shown for another test's image 12.
    """
    from django.core.cache import caches

    for cache in caches.all(initialized_only=True):
        cache.clear()
    yield


@pytest.fixture
def home(db):
    return make_home(SITE_NAME)


@pytest.fixture
def site(home) -> Site:
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def site_settings(site):
    return make_site_settings(
        site,
        site_name=SITE_NAME,
        tagline="Independent news since 1992",
        time_zone="Europe/London",
        founding_year=1992,
        copyright_holder="Broadsheet Media Ltd",
        legal_notice=LEGAL_NOTICE,
        age_rating="16+",
    )


@pytest.fixture
def sections(home) -> SimpleNamespace:
    return SimpleNamespace(
        news=make_section(home, "News", "news", intro="What happened today."),
        business=make_section(home, "Business", "business"),
        opinion=make_section(home, "Opinion", "opinion"),
        # No slug given: made from the title, the ellipsis dropped.
        meanwhile=make_section(home, "Meanwhile…"),
        # "Сup" starts with a Cyrillic Es, as real headlines do.
        world_cup=make_section(home, "World Сup", "world-cup", is_special=True, active_until=WORLD_CUP_ENDS),
    )


@pytest.fixture
def navigation(site, sections):
    return make_navigation(
        site,
        [
            (sections.news, ""),
            (sections.business, ""),
            (sections.opinion, ""),
            (sections.meanwhile, "Meanwhile..."),
            (sections.world_cup, ""),
        ],
    )


@pytest.fixture
def newsroom(home, site, site_settings, sections, navigation) -> SimpleNamespace:
    """Everything a reader-facing page needs: home, sections, menu and settings."""
    return SimpleNamespace(home=home, site=site, settings=site_settings, navigation=navigation, **vars(sections))


@pytest.fixture
def person(db):
    return make_person("Anna Petrova", role="Business correspondent", bio="<p>Covers energy and markets.</p>")


@pytest.fixture
def tag(db):
    return make_tag("Elections")


@pytest.fixture
def page_size(settings):
    """Three teasers a page keeps pagination tests small."""
    settings.BROADSHEET_PAGE_SIZE = 3
    return 3

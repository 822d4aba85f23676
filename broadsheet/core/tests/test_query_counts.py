"""Every reader-facing page costs a fixed number of SQL queries.

Each page is rendered once to create its image renditions, then counted;
more stories (with their own pictures, authors and tags) and a longer body
full of pictures must not change the count. The pinned numbers make any
regression show: if a change adds a query on purpose, update the number.
"""

import datetime
from types import SimpleNamespace

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from broadsheet.articles.models import ArticleRelatedLink
from broadsheet.articles.tests.factories import image_block, make_article, paragraph, pick_related
from broadsheet.core.tests.factories import make_image
from broadsheet.people.tests.factories import make_person

START = datetime.datetime(2017, 11, 8, 6, 0, tzinfo=datetime.UTC)
MINUTE = datetime.timedelta(minutes=1)

PAGES = {
    "home": lambda world: "/",
    "section": lambda world: "/news/",
    "article": lambda world: world.article.url,
    "tag": lambda world: "/tags/elections/",
    "author": lambda world: "/authors/anna-petrova/",
    "day archive": lambda world: "/2017/11/08/",
    "month archive": lambda world: "/2017/11/",
    "site rss": lambda world: "/feeds/rss.xml",
    "site atom": lambda world: "/feeds/atom.xml",
    "site json feed": lambda world: "/feeds/feed.json",
    "section rss": lambda world: "/feeds/sections/news/rss.xml",
    "tag atom": lambda world: "/feeds/tags/elections/atom.xml",
    "author rss": lambda world: "/feeds/authors/anna-petrova/rss.xml",
}

# Every page: +1 since the share tags and structured data read the search and
# sharing settings (publisher logo, default share picture; seo.models), and +1
# for the footer's error-reporting line (CorrectionsSettings); the article +1
# more for its correction notes. A tag's and an author's list and feed, and the
# article's Related block (stories sharing a tag), +1: their newest stories are
# looked for among the last month's first (ArticleQuerySet.newest). A section's,
# a tag's and an author's front +1: their length is the kept tally of the months
# before this one plus this month's count (articles.tallies), instead of one
# count of the whole archive.
PINNED = {
    "home": 26,
    "section": 23,
    "article": 36,
    "tag": 21,
    "author": 21,
    "day archive": 18,
    "month archive": 18,
    # Feeds: site, settings, view restrictions, stories, lead pictures and their
    # renditions, authors and people, tags, body pictures and their renditions;
    # the narrower feeds look up their section, tag or author first.
    "site rss": 13,
    "site atom": 13,
    "site json feed": 13,
    "section rss": 14,
    "tag atom": 15,
    "author rss": 15,
}


def picture(number: int):
    return make_image(f"Picture {number}", 1280, 720, credit=f"Photographer {number}")


@pytest.fixture
def world(newsroom, person, tag, settings):
    settings.BROADSHEET_PAGE_SIZE = 10
    photo = picture(0)
    base = [
        make_article(
            section, f"Base story {number}", START + number * MINUTE, lead_image=photo, authors=(person,), tags=(tag,)
        )
        for number, section in enumerate([newsroom.news, newsroom.news, newsroom.business, newsroom.opinion])
    ]
    article = make_article(
        newsroom.news,
        "The article under test",
        START + 10 * MINUTE,
        lead_image=photo,
        authors=(person,),
        tags=(tag,),
        body=[paragraph("First paragraph."), image_block(photo, "A picture")],
    )
    pick_related(article, base[3])
    return SimpleNamespace(newsroom=newsroom, person=person, tag=tag, article=article, base=base)


def grow(world) -> None:
    """Many more stories in the same sections, with their own pictures and a second author;
    a long illustrated body and more editor's picks for the article."""
    newsroom = world.newsroom
    colleague = make_person("Ivan Sokolov")
    sections = [newsroom.news, newsroom.business, newsroom.opinion]
    pictures = [picture(number) for number in range(1, 7)]
    extra = [
        make_article(
            sections[number % len(sections)],
            f"Extra story {number}",
            START + (20 + number) * MINUTE,
            lead_image=pictures[number % len(pictures)],
            authors=(world.person, colleague),
            tags=(world.tag,),
        )
        for number in range(25)
    ]
    body = [paragraph("First paragraph.")]
    for number in range(1, 7):
        body += [paragraph(f"Paragraph {number}."), image_block(picture(100 + number), f"Caption {number}")]
    article = world.article
    article.body = body
    article.save()
    # One more pick: the Related block still needs its tag-sharing stories, as before.
    ArticleRelatedLink.objects.create(page=article, related_page=extra[0], sort_order=1)


def count_queries(client, url: str) -> int:
    assert client.get(url).status_code == 200  # creates the renditions
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("name", PAGES)
def test_query_count_does_not_grow_with_content(client, world, name):
    url = PAGES[name](world)
    before = count_queries(client, url)

    grow(world)
    after = count_queries(client, url)

    assert after == before


@pytest.mark.parametrize("name", PAGES)
def test_query_count_is_pinned(client, world, django_assert_num_queries, name):
    grow(world)
    url = PAGES[name](world)
    client.get(url)

    with django_assert_num_queries(PINNED[name]):
        client.get(url)


def test_home_query_count_does_not_grow_with_the_sections_that_have_stories(client, world):
    """Every menu section gets a block on the front page; a block must not cost queries of its own."""
    before = count_queries(client, "/")

    for number, section in enumerate([world.newsroom.meanwhile, world.newsroom.world_cup]):
        make_article(section, f"Story in a new block {number}", START + number * MINUTE)
    after = count_queries(client, "/")

    assert after == before

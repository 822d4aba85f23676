"""Stories of a bake's next batch of URLs, loaded in one query instead of one each.

A full bake renders some 10,000 story pages, and routing each one to its
story (``SectionPage.live_article``) was a query of its own: about a sixth
of a story page's cost, most of it Django compiling the same SQL again.
Before a rendering process starts a batch of URLs, ``preload_stories``
loads every story those URLs name in one query; ``taken_story`` hands each
one out once, to the page being rendered. Outside a bake nothing is
preloaded and routing asks the database as always.
"""

import re

from wagtail.models import Page

from broadsheet.core.memo import memo_active, memoized, reused

# /<section>/<yyyy>/<mm>/<dd>/<slug>/: a story's canonical address.
STORY_URL = re.compile(r"^/[^/]+/\d{4}/\d{2}/\d{2}/([^/]+)/$")
MEMO_NAME = "sections:preloaded-stories"


def _preloaded() -> dict:
    return memoized(MEMO_NAME, dict)


def preload_stories(urls: list[str], site) -> None:
    """Load the live stories ``urls`` may show, keyed by (section path, slug)."""
    from broadsheet.articles.models import ArticlePage

    if not memo_active() or site is None:
        return
    preloaded = _preloaded()
    preloaded.clear()  # the previous batch's leftovers (404s, redirects)
    slugs = {match.group(1) for url in urls if (match := STORY_URL.match(url))}
    if not slugs:
        return
    root = site.root_page
    stories = ArticlePage.objects.live().filter(
        path__startswith=root.path, depth=root.depth + 2, slug__in=sorted(slugs)
    )
    for story in stories:
        preloaded[(story.path[: -Page.steplen], story.slug)] = story


def taken_story(section, slug: str):
    """The preloaded live story ``slug`` of ``section`` (once), or None if it was not preloaded."""
    if not memo_active():
        return None
    story = _preloaded().pop((section.path, slug), None)
    if story is not None:
        reused([story])  # the page shows it, as if it had loaded it
    return story

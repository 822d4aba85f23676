"""Plan and file the generated stories.

Story ``n`` is planned from its own seed: its section, headline, byline,
pictures, tags and times never depend on how many stories are asked for or
which already exist. A story is recognised on a rerun by its section and
slug, so a second run files nothing twice.
"""

import datetime
import math
import random
from collections import defaultdict
from dataclasses import dataclass

from wagtail.models import Page

from broadsheet.articles.models import ArticleAuthor, ArticleKind, ArticlePage, ArticleRelatedLink, ArticleTag
from broadsheet.core.slugs import ascii_slugify
from broadsheet.images.models import BroadsheetImage
from broadsheet.people.models import Person
from broadsheet.sections.models import SectionPage
from broadsheet.taxonomy.models import Tag

from .content import Copywriter
from .newsroom import AGENCIES, BEAT_TAGS, Section
from .tree import ChildPages

HISTORY = datetime.timedelta(days=90)
# A busy city daily's output. A bigger demo is a longer archive, not a
# busier paper: 100,000 stories squeezed into 90 days would publish 1,100 a
# day, and every day's and month's archive, the news sitemap (the last two
# days) and the month's sitemap would be ten times what the paper has.
STORIES_PER_DAY = 110


def archive_span_for(articles: int) -> datetime.timedelta:
    """How far back ``articles`` stories go: 90 days, or longer at ``STORIES_PER_DAY``."""
    return max(HISTORY, datetime.timedelta(days=math.ceil(articles / STORIES_PER_DAY)))


BODY_BLOCKS = ["heading", "quote", "image", "fact_box", "link_card"]
# Which generated scenes suit a beat's lead pictures.
BEAT_SCENES = {
    "news": ["Skyline", "Harbour", "Crowd"],
    "business": ["Markets", "Skyline"],
    "opinion": ["Hills", "Skyline"],
    "city": ["Skyline", "Harbour", "Hills"],
    "oddities": ["Hills", "Harbour", "Crowd"],
    "tournament": ["Stadium", "Crowd"],
    "listings": ["Crowd", "Hills"],
}
UNICODE_EVERY = 25  # one story in so many gets typographic quotes, Cyrillic or an emoji
UPDATE_EVERY = 20  # one story in so many carries a significant update


@dataclass
class Materials:
    """What the stories are filed into and made from."""

    sections: list[tuple[SectionPage, Section]]
    people: list[tuple[Person, tuple[str, ...]]]
    pictures: dict[str, list[BroadsheetImage]]
    tags: list[Tag]
    editor: object
    now: datetime.datetime
    archive_span: datetime.timedelta = HISTORY  # how far back the stories go (archive_span_for)


class StoryDesk:
    def __init__(self, writer: Copywriter, materials: Materials) -> None:
        self.writer = writer
        self.materials = materials
        self.scene_of_picture = {image.pk: scene for scene, images in materials.pictures.items() for image in images}
        self.tags_by_name = {tag.name: tag for tag in materials.tags}

    def file_stories(self, count: int) -> list[ArticlePage]:
        """File stories 0 to count-1 that do not exist yet; return the new pages."""
        existing = {
            (path[: -Page.steplen], slug): pk
            for pk, path, slug in ArticlePage.objects.values_list("pk", "path", "slug")
        }
        planned_slugs: dict[int, set[str]] = defaultdict(set)
        filed_by_section: dict[int, list[int]] = defaultdict(list)  # for editors' picks
        new_pages, children = [], []
        appenders = {section.pk: ChildPages(section) for section, _ in self.materials.sections}
        for number in range(count):
            rng = self.writer.reseed("story", number)
            section, spec = self.pick_section(number, rng)
            headline = self.writer.headline(spec.beat)
            if number % UNICODE_EVERY == UNICODE_EVERY // 2:
                headline = self.writer.unicode_headline(headline, (number // UNICODE_EVERY) % 3)
            slug = self.unique_slug(ascii_slugify(headline) or "story", planned_slugs[section.pk])
            page_id = existing.get((section.path, slug))
            if page_id is None:
                picks = self.pick_related(rng, filed_by_section[section.pk])
                page, rows = self.draft(number, rng, spec, headline, slug, picks)
                appenders[section.pk].add(page)
                children += rows
                new_pages.append(page)
                page_id = page.pk
            filed_by_section[section.pk].append(page_id)
        # Inserted in one go per model rather than saved one by one with each page.
        for model in (ArticleAuthor, ArticleTag, ArticleRelatedLink):
            model.objects.bulk_create([child for child in children if isinstance(child, model)], batch_size=500)
        return new_pages

    def pick_section(self, number: int, rng: random.Random) -> tuple[SectionPage, Section]:
        sections = self.materials.sections
        if number < len(sections):
            return sections[number]  # every section gets a story, however few are asked for
        return rng.choices(sections, weights=[spec.weight for _, spec in sections])[0]

    def unique_slug(self, base: str, taken: set[str]) -> str:
        slug, suffix = base, 1
        while slug in taken:
            suffix += 1
            slug = f"{base}-{suffix}"
        taken.add(slug)
        return slug

    def draft(
        self, number: int, rng: random.Random, spec: Section, headline: str, slug: str, picks: list[int]
    ) -> tuple[ArticlePage, list]:
        """An unsaved story, and its authors, tags and editor's picks as unsaved rows."""
        writer = self.writer
        published = self.publication_time(number, rng)
        updated = self.update_time(number, rng, published)
        kind = self.kind(rng, spec)
        page = ArticlePage(
            title=headline,
            draft_title=headline,
            slug=slug,
            standfirst=writer.standfirst(),
            kind=kind,
            significant_update_at=updated,
            body=writer.story_body(self.body_blocks(number, rng), self.scene_of_picture),
            live=True,
            has_unpublished_changes=False,
            first_published_at=published,
            last_published_at=updated or published,
            latest_revision_created_at=updated or published,
            owner=self.materials.editor,
        )
        authors, page.byline_credit = self.byline(rng, spec)
        rows = [
            *(ArticleAuthor(page=page, person=person, sort_order=n) for n, person in enumerate(authors)),
            *(ArticleTag(content_object=page, tag=tag) for tag in self.pick_tags(rng, spec)),
            *(ArticleRelatedLink(page=page, related_page_id=pk, sort_order=n) for n, pk in enumerate(picks)),
        ]
        if rng.random() < (0.5 if kind == ArticleKind.OPINION else 0.88):
            scene = rng.choice(BEAT_SCENES[spec.beat])
            page.lead_image = rng.choice(self.materials.pictures[scene])
            page.lead_image_caption = writer.caption(scene)
            page.lead_image_credit = writer.photo_credit() if rng.random() < 0.2 else ""
        return page, rows

    def publication_time(self, number: int, rng: random.Random) -> datetime.datetime:
        if number < 3:
            # The newest few within the hour, so "12 minutes ago" shows up.
            age = datetime.timedelta(minutes=rng.randint(5, 55))
        else:
            age = datetime.timedelta(seconds=rng.randint(3600, int(self.materials.archive_span.total_seconds())))
        return self.materials.now - age

    def update_time(self, number: int, rng: random.Random, published: datetime.datetime) -> datetime.datetime | None:
        if number % UPDATE_EVERY != UPDATE_EVERY // 6:
            return None
        updated = published + datetime.timedelta(minutes=rng.randint(12, 8 * 60))
        return updated if updated < self.materials.now else None

    def kind(self, rng: random.Random, spec: Section) -> str:
        if spec.beat == "opinion":
            return ArticleKind.OPINION
        roll = rng.random()
        if roll < 0.1:
            return ArticleKind.ANALYSIS
        if roll < 0.18:
            return ArticleKind.FEATURE
        return ArticleKind.NEWS

    def byline(self, rng: random.Random, spec: Section) -> tuple[list[Person], str]:
        """Who wrote it: 1–2 staff, agency copy credited by name, or both."""
        desk = [person for person, beats in self.materials.people if spec.beat in beats]
        desk = desk or [person for person, _ in self.materials.people]
        if spec.beat == "opinion":
            return [rng.choice(desk)], ""
        roll = rng.random()
        if roll < 0.14:
            return [], rng.choice(AGENCIES)
        if roll < 0.17:
            return [], ""
        authors = rng.sample(desk, min(len(desk), 2 if roll > 0.8 else 1))
        return authors, ("Staff and agencies" if roll > 0.95 else "")

    def body_blocks(self, number: int, rng: random.Random) -> list[str]:
        # Every block type turns up even in a corpus of five stories.
        chosen = {BODY_BLOCKS[number % len(BODY_BLOCKS)], *rng.sample(BODY_BLOCKS, rng.randint(0, 2))}
        return [block for block in BODY_BLOCKS if block in chosen]

    def pick_tags(self, rng: random.Random, spec: Section) -> list[Tag]:
        names = set(rng.sample(BEAT_TAGS[spec.beat], rng.randint(1, 3)))
        if rng.random() < 0.25:
            names.add(rng.choice(list(self.tags_by_name)))
        return [self.tags_by_name[name] for name in sorted(names)]

    def pick_related(self, rng: random.Random, earlier: list[int]) -> list[int]:
        if len(earlier) < 4 or rng.random() > 0.15:
            return []
        return rng.sample(earlier[-40:], rng.randint(1, 3))

"""News stories: the article page and the people, tags and picks around it."""

import datetime
from functools import cached_property

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import prefetch_related_objects
from django.utils import timezone
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import ItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from broadsheet.core.blocks import StoryBodyBlock
from broadsheet.core.pages import BakedUrlMixin, BakedViewRestrictionsMixin, TransliteratedSlugMixin
from broadsheet.core.timezones import site_zone
from broadsheet.images.bulk import attach_lead_images

from .catalogue import attach_authors, attach_topics, catalogue
from .forms import ArticlePageForm
from .querysets import ArticleManager
from .related import related_articles


class ArticleKind(models.TextChoices):
    NEWS = "news", "News"
    OPINION = "opinion", "Opinion"
    ANALYSIS = "analysis", "Analysis"
    FEATURE = "feature", "Feature"


class ArticleTag(ItemBase):
    """Links an article to a tag of our own tag model (ASCII slugs)."""

    tag = models.ForeignKey("taxonomy.Tag", on_delete=models.CASCADE, related_name="tagged_articles")
    content_object = ParentalKey("articles.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items")

    class Meta:
        indexes = [
            # "Does this story carry that tag?", asked story by story while
            # walking the newest stories (ArticleQuerySet.newest): without
            # it, SQLite answered each from the tag's index, reading all of
            # the tag's rows for every story.
            models.Index(fields=["content_object", "tag"], name="articles_tag_of_story"),
        ]


class ArticlePage(BakedUrlMixin, BakedViewRestrictionsMixin, TransliteratedSlugMixin, Page):
    standfirst = models.TextField(max_length=600, blank=True, help_text="The one or two sentences under the headline.")
    kind = models.CharField(max_length=16, choices=ArticleKind.choices, default=ArticleKind.NEWS)
    byline_credit = models.CharField(
        max_length=200, blank=True, help_text="A free credit for agency copy, e.g. “Reuters” or “Staff and agencies”."
    )
    significant_update_at = models.DateTimeField(
        null=True, blank=True, help_text="Shown to readers as “Update: HH:MM”. Set by ticking “significant update”."
    )
    lead_image = models.ForeignKey(
        "images.BroadsheetImage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    lead_image_caption = models.CharField(max_length=500, blank=True)
    lead_image_credit = models.CharField(max_length=200, blank=True, help_text="Leave empty to use the image's credit.")
    body = StreamField(StoryBodyBlock(), blank=True, use_json_field=True)
    tags = ClusterTaggableManager(through=ArticleTag, blank=True)

    objects = ArticleManager()

    base_form_class = ArticlePageForm
    content_panels = [
        FieldPanel("title", heading="Headline"),
        FieldPanel("standfirst"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("byline_credit")]),
        InlinePanel("article_authors", heading="Authors", label="Author"),
        MultiFieldPanel(
            [FieldPanel("lead_image"), FieldPanel("lead_image_caption"), FieldPanel("lead_image_credit")],
            heading="Lead image",
        ),
        FieldPanel("body"),
        FieldPanel("tags"),
        InlinePanel("related_links", heading="Related articles (editor's picks)", label="Related article", max_num=4),
        MultiFieldPanel(
            [FieldPanel("mark_significant_update"), FieldPanel("significant_update_at")], heading="Updates"
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("standfirst"),
        index.SearchField("body"),
        index.FilterField("kind"),
    ]
    parent_page_types = ["sections.SectionPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = "article"

    def clean(self) -> None:
        super().clean()
        if (
            self.significant_update_at
            and self.first_published_at
            and self.significant_update_at < self.first_published_at
        ):
            raise ValidationError({"significant_update_at": "An update cannot come before the first publication."})

    def url_date(self, site_id: int | None = None) -> datetime.date:
        """The date in the URL: first publication, in the site's time zone.

        A draft has no publication yet; its preview uses the scheduled time or now.
        """
        moment = self.first_published_at or self.go_live_at or timezone.now()
        return timezone.localtime(moment, site_zone(site_id)).date()

    def get_url_parts(self, request=None):
        parts = super().get_url_parts(request)
        if not parts or parts[2] is None:
            return parts
        site_id, root_url, page_path = parts
        section_path, slug = page_path.rstrip("/").rsplit("/", 1)
        return site_id, root_url, f"{section_path}/{self.url_date(site_id):%Y/%m/%d}/{slug}/"

    def authors(self) -> list:
        if "_catalogue_authors" in self.__dict__:  # a full bake's (catalogue.attach_authors)
            return self.__dict__["_catalogue_authors"]
        return [link.person for link in self.article_authors.all()]

    def topics(self) -> list:
        """The story's tags, as ``tags.all()`` lists them (a full bake's from its catalogue)."""
        if "_catalogue_topics" in self.__dict__:
            return self.__dict__["_catalogue_topics"]
        return list(self.tags.all())

    def byline_names(self) -> list[str]:
        names = [person.name for person in self.authors()]
        if self.byline_credit:
            names.append(self.byline_credit)
        return names

    @property
    def is_opinion(self) -> bool:
        return self.kind == ArticleKind.OPINION

    @cached_property
    def section(self):
        # Lists set this in bulk (see querysets.attach_sections).
        return self.get_parent().specific

    @property
    def lead_credit(self) -> str:
        if self.lead_image_credit:
            return self.lead_image_credit
        return self.lead_image.credit if self.lead_image else ""

    def related_articles(self, limit: int = 4) -> list["ArticlePage"]:
        return related_articles(self, limit)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if not getattr(request, "is_preview", False):
            # The byline: every author in one query rather than one each; the
            # tags once for the footer, the share tags and the structured data.
            # A preview keeps the authors and tags of its unsaved revision instead.
            if catalogue() is not None:
                # A full bake: the byline, topics and picture from its memory.
                attach_authors([self])
                attach_topics(self)
                attach_lead_images([self])
            else:
                prefetch_related_objects([self], "article_authors__person", "tags")
        context["related"] = self.related_articles()
        return context


class ArticleAuthor(Orderable):
    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="article_authors")
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="article_links")

    panels = [FieldPanel("person")]

    class Meta(Orderable.Meta):
        unique_together = [("page", "person")]


class ArticleRelatedLink(Orderable):
    """An editor's pick for the Related block, shown before automatic ones."""

    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="related_links")
    related_page = models.ForeignKey(ArticlePage, on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("related_page")]

    def clean(self) -> None:
        if self.page_id and self.related_page_id == self.page_id:
            raise ValidationError({"related_page": "An article cannot be related to itself."})


class ArchiveTally(models.Model):
    """How many stories a list had before a month began, so its fronts need not count them all (``tallies``)."""

    key = models.CharField(max_length=200)  # the list: "section:5", "tag:12", "author:3"
    before = models.DateTimeField()  # the start of a month, in UTC
    generation = models.PositiveBigIntegerField()  # ArchiveGeneration.number when it was counted
    count = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["key", "before", "generation"], name="articles_tally_once"),
        ]

    def __str__(self) -> str:
        return f"{self.key} before {self.before:%Y-%m}: {self.count}"


class ArchiveGeneration(models.Model):
    """One row: bumped whenever a story of an earlier month may have joined or left a list."""

    number = models.PositiveBigIntegerField(default=0)

    def __str__(self) -> str:
        return f"archive generation {self.number}"

"""The front page: the lead story, the editors' top stories, the latest list
and a block for each section."""

from django.db import models
from django.http import Http404
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable, Page

from broadsheet.articles.models import ArticlePage
from broadsheet.core.memo import memo_active, memoized, reused
from broadsheet.core.pages import BakedUrlMixin, BakedViewRestrictionsMixin, TransliteratedSlugMixin

LATEST_COUNT = 10
SECTION_BLOCK_COUNT = 4
TOP_STORY_COUNT = 4


class HomePage(BakedUrlMixin, BakedViewRestrictionsMixin, TransliteratedSlugMixin, Page):
    lead_story = models.ForeignKey(
        "articles.ArticlePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Empty: the newest story leads.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("lead_story"),
        InlinePanel("top_stories", heading="Top stories, in order", label="Top story", max_num=8),
    ]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["sections.SectionPage", "company.CompanyPage", "listings.ListingsIndexPage"]
    max_count = 1

    class Meta:
        verbose_name = "home page"

    def route(self, request, path_components):
        """Wagtail's routing, with the front page's children read once per bake.

        Every section, company and guide URL passes through here; outside a
        bake (``core.memo``) Wagtail looks the child up as usual.
        """
        if not path_components or not memo_active():
            return super().route(request, path_components)
        children = memoized(f"pages:children-of:{self.pk}", lambda: self.children_by_slug())
        child = children.get(path_components[0])
        if child is None:
            raise Http404
        reused([child])  # the page shows its section, as if it had loaded it
        return child.route(request, path_components[1:])

    def children_by_slug(self) -> dict:
        children = {child.slug: child for child in self.get_children().specific()}
        for child in children.values():
            child._cached_parent_obj = self  # as Wagtail's route does
        return children

    def get_context(self, request, *args, **kwargs):
        from broadsheet.sections.models import NavigationSettings, newest_articles_by_section

        context = super().get_context(request, *args, **kwargs)
        published = ArticlePage.objects.published()
        latest = list(published.for_teasers()[: LATEST_COUNT + 1])

        chosen_ids = [self.lead_story_id] if self.lead_story_id else []
        chosen_ids += [story.article_id for story in self.top_stories.all()]
        picked = {a.pk: a for a in published.filter(pk__in=chosen_ids).for_teasers()} if chosen_ids else {}

        lead = picked.get(self.lead_story_id) or (latest[0] if latest else None)
        top = [picked[pk] for pk in chosen_ids[1 if self.lead_story_id else 0 :] if pk in picked and picked[pk] != lead]
        if not top:
            top = [a for a in latest if a != lead][:TOP_STORY_COUNT]
        shown = {a.pk for a in top} | ({lead.pk} if lead else set())

        entries = NavigationSettings.for_request(request).visible_sections()
        by_section = newest_articles_by_section([entry["page"] for entry in entries], SECTION_BLOCK_COUNT)
        context.update(
            lead=lead,
            top_stories=top,
            latest=[a for a in latest if a.pk not in shown][:LATEST_COUNT],
            section_blocks=[{"entry": entry, "articles": by_section[entry["page"].pk]} for entry in entries],
        )
        return context

    def get_sitemap_urls(self, request=None):
        # The front page changes with every story published or edited.
        newest_story_at = (
            ArticlePage.objects.published().order_by("-last_published_at").values_list("last_published_at", flat=True)
        ).first()
        changes = [self.last_published_at, newest_story_at]
        return [{"location": self.get_full_url(request), "lastmod": max(filter(None, changes), default=None)}]


class HomeTopStory(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="top_stories")
    article = models.ForeignKey("articles.ArticlePage", on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("article")]

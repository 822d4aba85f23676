"""People who write for the paper: reporters, columnists, editors, photographers."""

from django.db import models
from django.urls import reverse
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from broadsheet.core.blocks import SocialProfileBlock
from broadsheet.core.memo import memoized
from broadsheet.core.slugs import ascii_slugify


class Person(index.Indexed, models.Model):
    name = models.CharField(max_length=200)
    slug = models.SlugField(
        max_length=100,
        unique=True,
        blank=True,
        help_text="The author page's address; made from the name if left empty.",
    )
    role = models.CharField(max_length=200, blank=True, help_text="e.g. Business correspondent")
    photo = models.ForeignKey(
        "images.BroadsheetImage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    bio = RichTextField(blank=True, features=["bold", "italic", "link"])
    social_links = StreamField([("profile", SocialProfileBlock())], blank=True, use_json_field=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("role"),
        FieldPanel("photo"),
        FieldPanel("bio"),
        FieldPanel("social_links"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.SearchField("role")]

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        if not self.slug:
            self.slug = self._unique_slug(ascii_slugify(self.name, max_length=90) or "person")
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        # Every byline and topic link of a bake: reversed once per slug (core.memo).
        return memoized(f"people:url:{self.slug}", lambda: reverse("people:author", kwargs={"slug": self.slug}))

    def _unique_slug(self, base: str) -> str:
        slug, suffix = base, 1
        while Person.objects.filter(slug=slug).exclude(pk=self.pk).exists():
            suffix += 1
            slug = f"{base}-{suffix}"
        return slug

"""Tags: free keywords an editor adds to a story, each with a readable page."""

from django.urls import reverse
from taggit.models import TagBase

from broadsheet.core.memo import memoized
from broadsheet.core.slugs import ascii_slugify


class Tag(TagBase):
    """A taggit tag whose slug is transliterated ASCII, whatever the script."""

    class Meta:
        verbose_name = "tag"
        verbose_name_plural = "tags"
        ordering = ["name"]

    def slugify(self, tag: str, i: int | None = None) -> str:
        slug = ascii_slugify(tag) or "tag"
        if i is not None:
            slug += f"-{i}"
        return slug

    def get_absolute_url(self) -> str:
        # Every byline and topic link of a bake: reversed once per slug (core.memo).
        return memoized(f"taxonomy:url:{self.slug}", lambda: reverse("taxonomy:tag", kwargs={"slug": self.slug}))

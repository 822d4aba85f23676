"""StreamField blocks shared by articles, company pages and settings.

Each block renders through its own template in ``templates/blocks/`` so the
article body, the company pages and later the feeds share one markup.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from broadsheet.images.bulk import images_by_id
from broadsheet.images.renditions import BODY_IMAGE_SPECS

# The rich-text features an editor needs in a news story; no embeds, no
# raw HTML, so what they paste is sanitised by Wagtail's whitelist.
PARAGRAPH_FEATURES = [
    "bold",
    "italic",
    "link",
    "document-link",
    "ol",
    "ul",
    "superscript",
    "subscript",
    "strikethrough",
]


# Images already loaded by a caller that renders many bodies at once (a feed).
_preloaded_body_images: ContextVar[dict | None] = ContextVar("broadsheet_preloaded_body_images", default=None)


@contextmanager
def preloaded_body_images(images: dict) -> Iterator[None]:
    """Let body image blocks take these images (by id, renditions prefetched) instead of querying.

    A list that renders fifty bodies loads all their pictures in two queries
    first; without this each body would still cost its own two.
    """
    token = _preloaded_body_images.set(images)
    try:
        yield
    finally:
        _preloaded_body_images.reset(token)


def load_body_images(bodies) -> dict:
    """Every picture of these story bodies by id, with their renditions, in two queries."""
    ids = {
        block["value"].get("image")
        for body in bodies
        for block in body.raw_data
        if block["type"] == "image" and isinstance(block["value"], dict)
    } - {None}
    return images_by_id(ids, *BODY_IMAGE_SPECS)


class RenditionPrefetchingImageChooserBlock(ImageChooserBlock):
    """Load every image of a body, with its renditions, in two queries.

    Wagtail's chooser block loads the images in bulk but then fetches each
    rendition on its own while the template renders, so an article with ten
    pictures would cost ten extra queries.
    """

    def bulk_to_python(self, values):
        values = list(values)
        images = dict(_preloaded_body_images.get() or {})
        missing = [value for value in values if value is not None and value not in images]
        if missing:
            images.update(images_by_id(missing, *BODY_IMAGE_SPECS))
        return [images.get(value) for value in values]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=200)
    level = blocks.ChoiceBlock(choices=[("h2", "Heading"), ("h3", "Subheading")], default="h2")

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock()
    attribution = blocks.CharBlock(
        required=False, max_length=200, help_text=_("Who said it, e.g. a person or a news agency.")
    )

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"


class CaptionedImageBlock(blocks.StructBlock):
    image = RenditionPrefetchingImageChooserBlock()
    caption = blocks.CharBlock(required=False, max_length=500)
    credit = blocks.CharBlock(required=False, max_length=200, help_text=_("Leave empty to use the image's own credit."))

    class Meta:
        icon = "image"
        template = "blocks/captioned_image_block.html"


class FactBoxBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=200)
    body = blocks.RichTextBlock(features=["bold", "italic", "link", "ol", "ul"])

    class Meta:
        icon = "list-ul"
        template = "blocks/fact_box_block.html"


class LinkCardBlock(blocks.StructBlock):
    """A link shown as a card. Nothing is fetched from the linked site: the
    editor types the title and summary, so readers' browsers never call out."""

    url = blocks.URLBlock()
    title = blocks.CharBlock(max_length=200)
    summary = blocks.TextBlock(required=False, max_length=500)
    site_name = blocks.CharBlock(required=False, max_length=100)

    class Meta:
        icon = "link"
        template = "blocks/link_card_block.html"


class StoryBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(features=PARAGRAPH_FEATURES, template="blocks/paragraph_block.html")
    heading = HeadingBlock()
    quote = QuoteBlock()
    image = CaptionedImageBlock()
    fact_box = FactBoxBlock()
    link_card = LinkCardBlock()


def validate_link_target(url: str) -> None:
    """An outside link: http(s) or a mailto: address; anything else (javascript:, data:) is refused."""
    try:
        if url.startswith("mailto:"):
            validate_email(url.removeprefix("mailto:").split("?", 1)[0])
        else:
            URLValidator(schemes=["http", "https"])(url)
    except ValidationError as error:
        raise blocks.StructBlockValidationError(
            block_errors={"url": ValidationError("Enter a full https:// address or a mailto: address.")}
        ) from error


class LinkValueBlock(blocks.StructBlock):
    """A footer or profile link: a site path such as ``/about-us/`` or a full URL."""

    label = blocks.CharBlock(max_length=100)
    url = blocks.CharBlock(
        max_length=500, help_text=_("A path on this site such as /about-us/, or a full https:// address.")
    )

    def clean(self, value):
        value = super().clean(value)
        url = value.get("url", "")
        if not url.startswith("/") or url.startswith("//"):
            validate_link_target(url)
        return value


class LinkGroupBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=100)
    links = blocks.ListBlock(LinkValueBlock())

    class Meta:
        icon = "list-ul"


class SocialProfileBlock(blocks.StructBlock):
    network = blocks.ChoiceBlock(
        choices=[
            ("facebook", "Facebook"),
            ("x", "X (Twitter)"),
            ("instagram", "Instagram"),
            ("telegram", "Telegram"),
            ("youtube", "YouTube"),
            ("mastodon", "Mastodon"),
            ("bluesky", "Bluesky"),
            ("linkedin", "LinkedIn"),
            ("vk", "VK"),
            ("website", "Website"),
            ("email", "Email"),
        ]
    )
    url = blocks.CharBlock(max_length=500)

    class Meta:
        icon = "link"

    def clean(self, value):
        value = super().clean(value)
        validate_link_target(value.get("url", ""))
        return value

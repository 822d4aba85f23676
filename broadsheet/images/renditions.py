"""The rendition sizes the reader site asks for, named once.

Templates use these through ``{% srcset_image %}`` and querysets prefetch
exactly these, so rendering a list never looks up renditions one by one.
"""

TEASER_WIDTHS = (320, 480, 640)
LEAD_WIDTHS = (480, 800, 1200)
BODY_WIDTHS = (480, 800, 1200)
PORTRAIT_SPEC = "fill-160x160"
# The lead picture in feeds (enclosure, media:content, JSON Feed image).
FEED_IMAGE_SPEC = "width-1200"


def width_specs(widths: tuple[int, ...], prefix: str = "width") -> list[str]:
    return [f"{prefix}-{width}" for width in widths]


TEASER_IMAGE_SPECS = [f"fill-{w}x{w * 9 // 16}" for w in TEASER_WIDTHS]
LEAD_IMAGE_SPECS = width_specs(LEAD_WIDTHS)
BODY_IMAGE_SPECS = width_specs(BODY_WIDTHS)

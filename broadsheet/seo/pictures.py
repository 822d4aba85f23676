"""The pictures that describe a page to search engines and social networks, as renditions.

Sizes are the ones the networks ask for: 1200×630 for link previews
(OpenGraph, X/Twitter's large card), and 16:9, 4:3 and 1:1 crops at least
1200 pixels wide for Google's article results.
"""

from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import reverse
from wagtail.models import Site

from .sitemaps import absolute

SHARE_SIZE = (1200, 630)
LOGO_SIZE = (600, 600)
SHARE_SPEC = "fill-1200x630"
LOGO_SPEC = "max-600x600"
ARTICLE_IMAGE_SPECS = ("fill-1200x675", "fill-1200x900", "fill-1200x1200")


@dataclass(frozen=True)
class Picture:
    url: str
    width: int
    height: int
    alt: str

    def as_image_object(self) -> dict:
        return {"@type": "ImageObject", "url": self.url, "width": self.width, "height": self.height}


def rendition_picture(rendition, alt: str, root_url: str) -> Picture:
    return Picture(absolute(rendition.url, root_url), rendition.width, rendition.height, alt)


def image_pictures(image, specs: tuple[str, ...], root_url: str) -> dict[str, Picture]:
    """Renditions of ``image`` for each spec, fetched (or made) in one query."""
    renditions = image.get_renditions(*specs)
    return {spec: rendition_picture(renditions[spec], image.default_alt_text, root_url) for spec in specs}


def drawn_picture(root_url: str, url_name: str, size: tuple[int, int], alt: str) -> Picture:
    return Picture(root_url + reverse(url_name), size[0], size[1], alt)


def default_share_picture(sharing, site_name: str, root_url: str) -> Picture:
    """The editors' share picture, or the card drawn from the site name."""
    if sharing.share_image:
        return image_pictures(sharing.share_image, (SHARE_SPEC,), root_url)[SHARE_SPEC]
    return drawn_picture(root_url, "seo:share-card", SHARE_SIZE, site_name)


def publisher_logo(sharing, site_name: str, root_url: str) -> Picture:
    if sharing.logo:
        return image_pictures(sharing.logo, (LOGO_SPEC,), root_url)[LOGO_SPEC]
    return drawn_picture(root_url, "seo:publisher-logo", LOGO_SIZE, site_name)


def site_root_url(request: HttpRequest) -> str:
    """The Wagtail Site's root URL (the canonical host), else the request's own."""
    site = Site.find_for_request(request)
    return site.root_url if site else request.build_absolute_uri("/").rstrip("/")

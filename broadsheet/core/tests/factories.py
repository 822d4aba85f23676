import io

from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from wagtail.models import Site

from broadsheet.core.models import SiteSettings
from broadsheet.images.models import BroadsheetImage


def make_site_settings(site: Site, **fields) -> SiteSettings:
    site_settings = SiteSettings.for_site(site)
    for name, value in fields.items():
        setattr(site_settings, name, value)
    site_settings.save()
    return site_settings


def make_image(title: str = "Photo", width: int = 1600, height: int = 900, credit: str = "") -> BroadsheetImage:
    """A real PNG on disk, so renditions can be made from it."""
    data = io.BytesIO()
    PillowImage.new("RGB", (width, height), (40, 90, 140)).save(data, "PNG")
    return BroadsheetImage.objects.create(
        title=title, credit=credit, file=ImageFile(data, name=f"{title.lower().replace(' ', '-')}.png")
    )

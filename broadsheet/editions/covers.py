"""The cover picture files made from an edition's first page.

Two JPEGs: the cover for the edition page and a thumbnail for the archive
grid. They are derived from the PDF and replaced with it, so they are plain
image fields of the edition rather than pictures in Wagtail's image library,
where an editor could swap or delete one without its PDF.
"""

from io import BytesIO

from django.core.files.base import ContentFile
from PIL import Image

THUMBNAIL_WIDTH = 300
JPEG_QUALITY = 85


def jpeg_file(image: Image.Image, name: str) -> ContentFile:
    buffer = BytesIO()
    image.save(buffer, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
    return ContentFile(buffer.getvalue(), name=name)


def thumbnail(cover: Image.Image) -> Image.Image:
    height = max(1, round(cover.height * THUMBNAIL_WIDTH / cover.width))
    return cover.resize((THUMBNAIL_WIDTH, height), Image.Resampling.LANCZOS)

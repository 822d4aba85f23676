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
    image.save(buffer, "JPEG", quality=JPEG_QUALITY, progressive=True)
    return ContentFile(buffer.getvalue(), name=name)


def thumbnail(cover: Image.Image) -> Image.Image:
    height = max(1, round(cover.height * THUMBNAIL_WIDTH / cover.width))
    # Averaging whole blocks of pixels first (900 -> 300 is exactly 3) leaves
    # little for the resampling filter to do: as sharp, several times quicker.
    factor = cover.width // THUMBNAIL_WIDTH
    reduced = cover.reduce(factor) if factor > 1 else cover
    if reduced.size == (THUMBNAIL_WIDTH, height):
        return reduced
    return reduced.resize((THUMBNAIL_WIDTH, height), Image.Resampling.LANCZOS)

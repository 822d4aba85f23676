"""Editions, their PDFs and distribution points, made for tests."""

import datetime
from io import BytesIO

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw

from broadsheet.editions.models import DistributionPoint, PrintEdition

# A4 at 72 dpi: one pixel per PDF point.
PAGE_SIZE = (595, 842)
MASTHEAD_RED = (200, 0, 0)
SECOND_PAGE_BLUE = (0, 0, 200)


def first_page() -> Image.Image:
    """A front page the tests can recognise: a red masthead band over white paper."""
    page = Image.new("RGB", PAGE_SIZE, "white")
    ImageDraw.Draw(page).rectangle((0, 0, PAGE_SIZE[0], 120), fill=MASTHEAD_RED)
    return page


def pdf_bytes(pages: int = 2, first: Image.Image | None = None) -> bytes:
    """A real PDF (Pillow writes one image per page) whose first page is ``first``."""
    images = [first or first_page()] + [Image.new("RGB", PAGE_SIZE, SECOND_PAGE_BLUE) for _ in range(pages - 1)]
    buffer = BytesIO()
    images[0].save(buffer, "PDF", save_all=True, append_images=images[1:], resolution=72)
    return buffer.getvalue()


def make_edition(issue_number: int, date: datetime.date, pages: int = 2, **fields) -> PrintEdition:
    edition = PrintEdition(issue_number=issue_number, date=date, **fields)
    edition.pdf = ContentFile(pdf_bytes(pages), name="upload.pdf")
    edition.save()
    return edition


def make_point(name: str, city: str, kind: str = "cafe", **fields) -> DistributionPoint:
    fields.setdefault("address", "1 High Street")
    return DistributionPoint.objects.create(name=name, city=city, kind=kind, **fields)

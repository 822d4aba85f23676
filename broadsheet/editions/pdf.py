"""Checking an uploaded print edition and drawing its cover from the first page.

An upload is a PDF only if it says so in its first bytes *and* PDFium can
open it and draw its first page: the file name and the browser's content type
are the uploader's word, not the file's. PDFium is the renderer Chromium uses;
pypdfium2 ships it as a wheel, so nothing is needed from the system (Poppler
or Ghostscript would be). It renders only the page asked for, so a thick
edition costs no more to check than a thin one.
"""

import threading
from dataclasses import dataclass
from typing import IO

import pypdfium2
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from PIL import Image

# Where a PDF's header may start and its end marker may stop: readers such as
# Acrobat allow up to 1 KiB of stray bytes on either side, so do we.
SNIFF_BYTES = 1024
PDF_HEADER = b"%PDF-"
PDF_END = b"%%EOF"
# The cover is drawn this wide; its height follows the page (capped, so that
# a hostile page of 1 × 10,000 inches cannot ask for a huge bitmap).
COVER_WIDTH = 900
MAX_COVER_HEIGHT = 2400
DEFAULT_MAX_MB = 200
# PDFium keeps global state and is not safe to call from two threads at once.
_pdfium_lock = threading.Lock()


class PdfRefused(ValueError):
    """The upload is not a usable PDF; the message is for the editor."""


@dataclass
class PdfFacts:
    page_count: int
    cover: Image.Image


def max_upload_bytes() -> int:
    return int(getattr(settings, "BROADSHEET_EDITION_PDF_MAX_MB", DEFAULT_MAX_MB)) * 1024 * 1024


def check_size(size: int) -> None:
    limit = max_upload_bytes()
    if size > limit:
        raise PdfRefused(
            f"This file is {filesizeformat(size)}; a print edition may be at most {filesizeformat(limit)}. "
            "Export the PDF at a lower image resolution and upload it again."
        )


def read_pdf(file: IO[bytes]) -> PdfFacts:
    """Check that ``file`` is a whole, readable PDF and draw its first page.

    Raises ``PdfRefused`` with a message an editor can act on.
    """
    file.seek(0)
    head = file.read(SNIFF_BYTES)
    if PDF_HEADER not in head:
        raise PdfRefused("This file is not a PDF (whatever its name says). Upload the edition as a PDF file.")
    file.seek(0, 2)
    end = file.tell()
    file.seek(max(0, end - SNIFF_BYTES))
    if PDF_END not in file.read():
        raise PdfRefused("This PDF is incomplete or damaged: it stops before its end. Export or upload it again.")
    file.seek(0)
    with _pdfium_lock:
        try:
            # Read from the upload's own file object (often a temporary file on
            # disk), not a copy in memory nor Django's File wrapper around it.
            document = pypdfium2.PdfDocument(getattr(file, "file", file), autoclose=False)
        except pypdfium2.PdfiumError as error:
            if "password" in str(error).lower():
                raise PdfRefused("This PDF is protected by a password. Upload it without protection.") from error
            raise PdfRefused("This PDF is damaged and cannot be read. Export or upload it again.") from error
        try:
            if len(document) == 0:
                raise PdfRefused("This PDF has no pages.")
            first_page = document[0]
            try:
                cover = render_page(first_page)
            finally:
                first_page.close()
            return PdfFacts(page_count=len(document), cover=cover)
        except pypdfium2.PdfiumError as error:
            raise PdfRefused("The first page of this PDF is damaged and cannot be drawn.") from error
        finally:
            document.close()


def render_page(page: pypdfium2.PdfPage) -> Image.Image:
    width, height = page.get_size()
    if width <= 0 or height <= 0:
        raise PdfRefused("The first page of this PDF has no size.")
    scale = min(COVER_WIDTH / width, MAX_COVER_HEIGHT / height)
    # Paper is white even where a page leaves its background transparent.
    bitmap = page.render(scale=scale, fill_color=(255, 255, 255, 255))
    return bitmap.to_pil().convert("RGB")

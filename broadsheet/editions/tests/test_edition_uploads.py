"""Editors upload an edition's PDF in the admin: good ones get a cover, bad ones a clear error and no files."""

import datetime
import random
from io import BytesIO
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from broadsheet.core.tests.html import page_text
from broadsheet.editions.models import PrintEdition

from .factories import MASTHEAD_RED, PAGE_SIZE, make_edition, pdf_bytes

pytestmark = pytest.mark.django_db

ADD_URL = reverse("wagtailsnippets_editions_printedition:add")
NO_STORIES = {
    "articles_in_issue-TOTAL_FORMS": "0",
    "articles_in_issue-INITIAL_FORMS": "0",
    "articles_in_issue-MIN_NUM_FORMS": "0",
    "articles_in_issue-MAX_NUM_FORMS": "1000",
}


@pytest.fixture
def editor(client):
    client.force_login(get_user_model().objects.create_superuser("editor", "editor@example.org", "pw"))
    return client


def stored_files() -> set[Path]:
    return {path for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file()}


def upload(editor, content: bytes, name: str = "edition.pdf", number: int = 145, url: str = ADD_URL):
    pdf = SimpleUploadedFile(name, content, content_type="application/pdf")
    data = {"issue_number": str(number), "date": "2026-05-14", "pdf": pdf, "summary": "", "live": "on", **NO_STORIES}
    return editor.post(url, data)


def png_bytes() -> bytes:
    buffer = BytesIO()
    Image.new("RGB", (40, 40), "red").save(buffer, "PNG")
    return buffer.getvalue()


def noise_pdf(pages: int) -> bytes:
    """A PDF that compresses badly: random pixels on every page (over 1 MB for three pages)."""
    rng = random.Random(1)
    images = [Image.frombytes("RGB", (1200, 1700), rng.randbytes(1200 * 1700 * 3)) for _ in range(pages)]
    buffer = BytesIO()
    images[0].save(buffer, "PDF", save_all=True, append_images=images[1:], resolution=72)
    return buffer.getvalue()


def test_a_good_pdf_is_stored_with_its_cover_drawn_from_the_first_page(editor):
    content = pdf_bytes(pages=3)
    response = upload(editor, content, name="Выпуск 145 (final).PDF")
    assert response.status_code == 302, page_text(response)

    edition = PrintEdition.objects.get(issue_number=145)
    assert edition.pdf.name == "editions/2026/edition-145-2026-05-14.pdf"
    assert edition.pdf.read() == content
    assert edition.pdf_size == len(content)
    assert edition.page_count == 3
    cover = Image.open(edition.cover.path)
    assert cover.size == (900, round(900 * PAGE_SIZE[1] / PAGE_SIZE[0]))
    assert (edition.cover_width, edition.cover_height) == cover.size
    # The red masthead band of the first page, white paper below it.
    assert all(abs(a - b) < 40 for a, b in zip(cover.getpixel((450, 40)), MASTHEAD_RED, strict=True))
    assert all(channel > 215 for channel in cover.getpixel((450, 900)))
    thumbnail = Image.open(edition.cover_thumbnail.path)
    assert thumbnail.width == 300
    assert thumbnail.getpixel((150, 10))[0] > 150 > thumbnail.getpixel((150, 10))[2]


@pytest.mark.parametrize(
    "content, message",
    [
        (png_bytes(), "This file is not a PDF"),
        (b"Hello, this is plain text pretending to be a PDF.\n", "This file is not a PDF"),
        (pdf_bytes()[:6000], "This PDF is incomplete or damaged"),
        (b"%PDF-1.7\n" + bytes(range(256)) * 20 + b"\n%%EOF\n", "This PDF is damaged and cannot be read"),
    ],
    ids=["png-named-pdf", "text", "truncated", "garbage-between-header-and-end"],
)
def test_a_file_that_is_not_a_whole_pdf_is_refused_and_nothing_is_stored(editor, content, message):
    before = stored_files()
    response = upload(editor, content, name="edition.pdf")
    assert response.status_code == 400
    assert message in page_text(response)
    assert not PrintEdition.objects.exists()
    assert stored_files() == before


def test_a_pdf_over_the_configured_size_is_refused_with_both_sizes(editor, settings):
    settings.BROADSHEET_EDITION_PDF_MAX_MB = 1
    content = noise_pdf(pages=3)
    assert len(content) > 1024 * 1024
    before = stored_files()
    response = upload(editor, content)
    assert response.status_code == 400
    text = page_text(response)
    assert "a print edition may be at most 1.0 MB" in text
    assert f"This file is {len(content) / 1024 / 1024:.1f} MB" in text
    assert not PrintEdition.objects.exists()
    assert stored_files() == before


def test_replacing_the_pdf_with_a_bad_file_keeps_the_old_one(editor):
    edition = make_edition(145, datetime.date(2026, 5, 14))
    before = stored_files()
    url = reverse("wagtailsnippets_editions_printedition:edit", args=[edition.pk])
    response = upload(editor, png_bytes(), url=url)
    assert response.status_code == 400
    assert "This file is not a PDF" in page_text(response)
    assert stored_files() == before
    edition.refresh_from_db()
    assert edition.pdf.name == "editions/2026/edition-145-2026-05-14.pdf"


def test_replacing_the_pdf_redraws_the_cover_and_removes_the_old_files(editor, django_capture_on_commit_callbacks):
    edition = make_edition(145, datetime.date(2026, 5, 14), pages=2)
    old_files = {Path(edition.pdf.path), Path(edition.cover.path), Path(edition.cover_thumbnail.path)}
    url = reverse("wagtailsnippets_editions_printedition:edit", args=[edition.pk])
    green = Image.new("RGB", PAGE_SIZE, (0, 160, 0))
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(editor, pdf_bytes(pages=5, first=green), url=url)
    assert response.status_code == 302
    edition.refresh_from_db()
    assert edition.page_count == 5
    assert Image.open(edition.cover.path).getpixel((450, 600))[1] > 120
    assert not any(path.exists() for path in old_files)
    assert Path(edition.pdf.path).exists()


def test_editing_without_a_new_file_keeps_the_pdf_and_cover(editor):
    edition = make_edition(145, datetime.date(2026, 5, 14))
    url = reverse("wagtailsnippets_editions_printedition:edit", args=[edition.pk])
    data = {"issue_number": "145", "date": "2026-05-14", "summary": "Budget day.", "live": "on", **NO_STORIES}
    assert editor.post(url, data).status_code == 302
    edition.refresh_from_db()
    assert edition.summary == "Budget day."
    assert Path(edition.pdf.path).exists() and Path(edition.cover.path).exists()


def test_deleting_an_edition_deletes_its_files(editor, django_capture_on_commit_callbacks):
    edition = make_edition(145, datetime.date(2026, 5, 14))
    files = [Path(edition.pdf.path), Path(edition.cover.path), Path(edition.cover_thumbnail.path)]
    url = reverse("wagtailsnippets_editions_printedition:delete", args=[edition.pk])
    with django_capture_on_commit_callbacks(execute=True):
        assert editor.post(url).status_code == 302
    assert not PrintEdition.objects.exists()
    assert not any(path.exists() for path in files)


def test_a_duplicate_issue_number_is_refused_without_storing_the_upload(editor):
    make_edition(145, datetime.date(2026, 5, 14))
    before = stored_files()
    response = upload(editor, pdf_bytes(), number=145)
    assert response.status_code == 400
    assert "already exists" in page_text(response)
    assert stored_files() == before


def test_an_edition_cannot_be_copied_into_a_second_record_of_the_same_pdf(editor):
    edition = make_edition(145, datetime.date(2026, 5, 14))
    listing = editor.get(reverse("wagtailsnippets_editions_printedition:list"))
    assert listing.status_code == 200
    assert "/copy/" not in listing.content.decode()
    assert editor.get(f"/admin/snippets/editions/printedition/copy/{edition.pk}/").status_code == 404

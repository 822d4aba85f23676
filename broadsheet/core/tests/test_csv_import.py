"""The generic CSV importer, through an example import of people keyed by slug.

Reading (size, encoding, CSV syntax, header), per-row validation with a
Django form, duplicate keys, upsert on re-import, and the admin flow:
upload → preview with per-row errors → confirm, nothing saved before the
confirmation and nothing at all if a row fails.
"""

import pytest
from django import forms
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from broadsheet.core.imports import Column, CsvFileError, CsvImporter
from broadsheet.people.models import Person

URL = "/admin/imports/people/"


class PersonRowForm(forms.Form):
    slug = forms.SlugField(max_length=100)
    name = forms.CharField(max_length=200)
    role = forms.CharField(max_length=200, required=False)


class PersonImporter(CsvImporter):
    slug = "people"
    verbose_name = "people"
    columns = [
        Column("slug", "The author page's address; the key.", required=True, example="anna-petrova"),
        Column("name", "Full name.", required=True, example="Анна Петрова"),
        Column("role", "Job title.", example="Reporter"),
    ]
    form_class = PersonRowForm
    key_fields = ("slug",)
    permission = "people.add_person"
    max_bytes = 2000
    max_rows = 10

    def find_existing(self, cleaned):
        return Person.objects.filter(slug=cleaned["slug"]).first()

    def save_row(self, cleaned, existing):
        person = existing or Person(slug=cleaned["slug"])
        person.name, person.role = cleaned["name"], cleaned["role"]
        person.save()
        return person


GOOD = 'slug,name,role\r\nanna-petrova,Анна Петрова,Reporter\r\n"o-brien","O\'Brien, Pat","Editor; ""news"""\r\n'


@pytest.fixture
def importer() -> PersonImporter:
    return PersonImporter()


def test_good_file_previews_then_saves(db, importer) -> None:
    preview = importer.preview(GOOD.encode())
    assert preview.is_valid and [row.action for row in preview.rows] == ["create", "create"]
    assert Person.objects.count() == 0, "a preview saves nothing"
    importer.run(GOOD.encode())
    assert Person.objects.get(slug="o-brien").role == 'Editor; "news"'
    assert Person.objects.get(slug="anna-petrova").name == "Анна Петрова"


def test_reimport_updates_instead_of_duplicating(db, importer) -> None:
    importer.run(GOOD.encode())
    changed = GOOD.replace("Reporter", "Chief reporter")
    preview = importer.run(changed.encode())
    assert [row.action for row in preview.rows] == ["update", "update"]
    assert Person.objects.count() == 2
    assert Person.objects.get(slug="anna-petrova").role == "Chief reporter"


def test_bad_rows_are_reported_per_line_and_nothing_is_saved(db, importer) -> None:
    text = "slug,name\r\ngood-one,Good\r\nnot a slug!,Bad\r\nlast,\r\ngood-one,Twice\r\n"
    preview = importer.run(text.encode())
    assert not preview.is_valid
    errors = {row.line: row.errors for row in preview.rows}
    assert errors[2] == []
    assert any(e.startswith("slug:") for e in errors[3])
    assert errors[4] == ["name: This field is required."]
    assert errors[5] == ["Line 2 already has the same slug."]
    assert Person.objects.count() == 0, "one bad row keeps the whole file out"


def test_a_row_with_too_many_values_is_an_error(db, importer) -> None:
    preview = importer.preview(b"slug,name\nok,Fine\nx,Two,extra\n")
    assert preview.rows[1].errors == ["This row has 3 values but the header has 2 columns."]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "The file is empty."),
        (b"slug,name\n", "The file has a header but no rows."),
        ("slug,name\nab,Caf\u00e9\n".encode("latin-1"), "The file is not UTF-8 text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "This is not a CSV text file"),
        (b'slug,name\nab,"unterminated\n', "The file is not valid CSV"),
        (b"slug,name,colour\nab,A,red\n", "Unknown column(s): colour."),
        (b"slug,slug,name\nab,ab,A\n", "Column(s) named twice: slug."),
        (b"slug,role\nab,Reporter\n", "Required column(s) missing from the header: name."),
        (b"slug,name\n" + b"a,B\n" * 11, "more than 10 rows"),
        (b"slug,name\n" + b"a" * 2000 + b",B\n", "the limit is 2,000 bytes"),
    ],
)
def test_unreadable_files_are_refused_with_a_clear_message(db, importer, data: bytes, message: str) -> None:
    with pytest.raises(CsvFileError, match=message.replace("(", r"\(").replace(")", r"\)")):
        importer.preview(data)


def test_a_byte_order_mark_and_blank_lines_are_fine(db, importer) -> None:
    preview = importer.preview("\ufeffslug,name\n\nab,A\n,\n".encode())
    assert [row.values for row in preview.rows] == [{"slug": "ab", "name": "A"}]


def test_template_file_lists_every_column(importer) -> None:
    assert importer.template_csv().splitlines() == ["slug,name,role", "anna-petrova,Анна Петрова,Reporter"]


# The admin flow


@pytest.fixture
def editor(client, db):
    user = get_user_model().objects.create_superuser("importer", "importer@example.com", "pw")
    client.force_login(user)
    return user


def upload(client, data: bytes, name: str = "people.csv"):
    return client.post(URL, {"file": SimpleUploadedFile(name, data, content_type="text/csv")})


pytestmark = pytest.mark.urls("broadsheet.core.tests.csv_import_urls")


def test_admin_page_documents_the_columns(client, editor) -> None:
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<code>slug</code>" in html and "The author page&#x27;s address; the key." in html
    template = client.get(URL + "template.csv")
    assert template["Content-Type"].startswith("text/csv")
    assert template.content.decode().startswith("slug,name,role")


def test_admin_upload_preview_confirm(client, editor) -> None:
    response = upload(client, GOOD.encode())
    assert response.status_code == 200
    html = response.content.decode()
    assert "Nothing is saved yet. 2 rows: 2 new, 0 to update." in html
    assert Person.objects.count() == 0
    payload = response.context["payload"]
    confirmed = client.post(URL, {"payload": payload}, follow=True)
    assert "Imported 2 people: 2 new, 0 updated." in confirmed.content.decode()
    assert Person.objects.count() == 2
    # Confirming the same preview again updates, it does not duplicate.
    client.post(URL, {"payload": payload})
    assert Person.objects.count() == 2


def test_admin_preview_shows_row_errors_and_offers_no_confirm(client, editor) -> None:
    response = upload(client, b"slug,name\nok,Fine\nnot ok,Bad\n")
    assert response.status_code == 400
    html = response.content.decode()
    assert "1 row with errors. Nothing was saved" in html
    assert "slug: Enter a valid “slug”" in html
    assert 'name="payload"' not in html
    assert Person.objects.count() == 0


def test_admin_refuses_unreadable_files_with_a_message(client, editor) -> None:
    response = upload(client, "slug,name\nab,Кафе\n".encode("cp1251"))
    assert response.status_code == 400
    assert "The file is not UTF-8 text" in response.content.decode()
    too_big = upload(client, b"slug,name\n" + b"x" * 3000)
    assert too_big.status_code == 400
    assert "the limit is 2.0" in too_big.content.decode()
    assert Person.objects.count() == 0


def test_admin_refuses_an_altered_payload(client, editor) -> None:
    payload = upload(client, GOOD.encode()).context["payload"]
    response = client.post(URL, {"payload": payload[:-3] + "abc"})
    assert response.status_code == 400
    assert "expired or was altered" in response.content.decode()
    assert Person.objects.count() == 0


def test_admin_needs_the_importers_permission(client, db) -> None:
    from django.contrib.auth.models import Permission

    user = get_user_model().objects.create_user("reader", "r@example.com", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get(URL).status_code == 403
    assert upload(client, GOOD.encode()).status_code == 403
    assert Person.objects.count() == 0

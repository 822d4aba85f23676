"""Editors manage distribution points in the admin and import them from CSV; a re-import updates."""

from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from broadsheet.core.tests.html import page_text, soup, texts
from broadsheet.editions.models import DistributionPoint

from .factories import make_point

pytestmark = pytest.mark.django_db

IMPORT_URL = "/admin/imports/distribution-points/"
ADD_URL = reverse("wagtailsnippets_editions_distributionpoint:add")

GOOD_CSV = (
    "name,kind,address,city,latitude,longitude,notes\r\n"
    "Café Nord,cafe,12 Quay Street,Fairwater,51.5012345,-0.1234561,On the counter\r\n"
    '"Grand Hotel, River Wing",Hotel,1 River Walk,Fairwater,,,"Ask at reception; ""Ledger"" rack"\r\n'
    "Бизнес-центр «Башня»,Business centre,Пресненская наб. 12,Москва,55.749,37.537,\r\n"
)


@pytest.fixture
def editor(client):
    client.force_login(get_user_model().objects.create_superuser("editor", "editor@example.org", "pw"))
    return client


def upload(client, text: str):
    return client.post(IMPORT_URL, {"file": SimpleUploadedFile("points.csv", text.encode(), content_type="text/csv")})


def import_file(client, text: str):
    preview = upload(client, text)
    assert preview.status_code == 200, texts(preview, ".csv-import__errors li")
    return client.post(IMPORT_URL, {"payload": preview.context["payload"]}, follow=True)


def test_the_print_menu_offers_the_import_and_its_page_documents_the_columns(editor):
    home = editor.get("/admin/")
    assert IMPORT_URL in home.content.decode()
    page = editor.get(IMPORT_URL)
    assert page.status_code == 200
    columns = [code.get_text() for code in soup(page).select(".csv-import__columns code")]
    assert columns == ["name", "kind", "address", "city", "latitude", "longitude", "notes"]
    assert "business-centre (Business centre)" in page_text(page)
    template = editor.get(IMPORT_URL + "template.csv")
    assert template.content.decode().splitlines()[0] == "name,kind,address,city,latitude,longitude,notes"


def test_a_good_file_previews_then_imports_and_the_places_appear_on_the_site(editor, client):
    preview = upload(editor, GOOD_CSV)
    assert "Nothing is saved yet. 3 rows: 3 new, 0 to update." in page_text(preview)
    assert not DistributionPoint.objects.exists()

    done = editor.post(IMPORT_URL, {"payload": preview.context["payload"]}, follow=True)
    assert "Imported 3 distribution points: 3 new, 0 updated." in page_text(done)
    nord = DistributionPoint.objects.get(name="Café Nord")
    assert (nord.latitude, nord.longitude) == (Decimal("51.501235"), Decimal("-0.123456"))
    grand = DistributionPoint.objects.get(city="Fairwater", kind="hotel")
    assert grand.name == "Grand Hotel, River Wing" and grand.notes == 'Ask at reception; "Ledger" rack'
    assert grand.latitude is None
    tower = DistributionPoint.objects.get(city="Москва")
    assert (tower.kind, tower.city_slug) == ("business-centre", "moskva")

    assert texts(client.get("/where-to-find/moskva/business-centre/"), ".place__name") == ["Бизнес-центр «Башня»"]


def test_a_reimport_updates_the_same_places_instead_of_adding_them_again(editor):
    import_file(editor, GOOD_CSV)
    changed = GOOD_CSV.replace("12 Quay Street", "14 Quay Street").replace("Café Nord,cafe", "CAFÉ NORD,Shop")
    done = import_file(editor, changed.replace("Fairwater,51.5", "fairwater,51.5"))
    assert "Imported 3 distribution points: 0 new, 3 updated." in page_text(done)
    assert DistributionPoint.objects.count() == 3
    nord = DistributionPoint.objects.get(address="14 Quay Street")
    assert (nord.name, nord.kind, nord.city) == ("CAFÉ NORD", "shop", "fairwater")


def test_bad_rows_are_reported_by_line_and_nothing_is_saved(editor):
    make_point("Existing Kiosk", "Fairwater", "newsstand")
    bad = (
        "name,kind,address,city,latitude,longitude,notes\r\n"
        "Good Café,cafe,1 Main Street,Fairwater,,,\r\n"
        "Castle,castle,1 Hill,Fairwater,,,\r\n"
        "Half Mapped,shop,2 Main Street,Fairwater,51.5,,\r\n"
        "Far North,shop,3 Main Street,Fairwater,95,10,\r\n"
        ",shop,4 Main Street,Fairwater,,,\r\n"
        "good café,hotel,5 Main Street,FAIRWATER,,,\r\n"
    )
    response = upload(editor, bad)
    assert response.status_code == 400
    assert "5 rows with errors. Nothing was saved" in page_text(response)
    errors = {
        row.select_one("td").get_text(): [li.get_text() for li in row.select(".csv-import__errors li")]
        for row in soup(response).select(".csv-import__row")
    }
    assert errors["2"] == []
    assert errors["3"][0].startswith("kind: “castle” is not a kind of place. One of: cafe (Café)")
    assert errors["4"] == ["Give both the latitude and the longitude, or neither."]
    assert errors["5"] == ["latitude: Ensure this value is less than or equal to 90."]
    assert errors["6"] == ["name: This field is required."]
    assert errors["7"] == ["Line 2 already has the same name, city."]
    assert "payload" not in response.context or not response.context["payload"]
    assert DistributionPoint.objects.count() == 1


def test_a_file_that_is_not_csv_is_refused(editor):
    response = editor.post(
        IMPORT_URL, {"file": SimpleUploadedFile("points.csv", b"\x89PNG\r\n\x1a\n\x00\x00", content_type="text/csv")}
    )
    assert response.status_code == 400
    assert "This is not a CSV text file" in page_text(response)
    assert not DistributionPoint.objects.exists()


def test_the_admin_form_refuses_half_coordinates_and_a_second_place_of_the_same_name(editor):
    make_point("Café Nord", "Fairwater")
    data = {"name": "Café Nord", "kind": "cafe", "address": "2 Quay Street", "city": "fairwater", "notes": ""}
    duplicate = editor.post(ADD_URL, {**data, "latitude": "", "longitude": ""})
    assert duplicate.status_code == 400
    assert "This city has a place of that name" in page_text(duplicate)

    half = editor.post(ADD_URL, {**data, "name": "Café Sud", "latitude": "51.5", "longitude": ""})
    assert half.status_code == 400
    assert "Give both the latitude and the longitude, or neither." in page_text(half)

    good = editor.post(ADD_URL, {**data, "name": "Café Sud", "latitude": "51.5", "longitude": "-0.12"})
    assert good.status_code == 302
    assert DistributionPoint.objects.get(name="Café Sud").city_slug == "fairwater"


def test_an_editor_without_the_permission_cannot_import(client):
    user = get_user_model().objects.create_user("reader", "reader@example.org", "pw")
    from django.contrib.auth.models import Permission

    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    # Wagtail turns the refusal into a redirect to the dashboard with a message.
    assert client.get(IMPORT_URL)["Location"] == "/admin/"
    assert upload(client, GOOD_CSV)["Location"] == "/admin/"
    assert not DistributionPoint.objects.exists()


def test_the_admin_lists_and_searches_places_and_editions(editor):
    make_point("Café Nord", "Fairwater")
    make_point("Grand Hotel", "Москва", "hotel")
    listing = editor.get(reverse("wagtailsnippets_editions_distributionpoint:list"), {"q": "grand"})
    assert listing.status_code == 200
    assert "Grand Hotel" in page_text(listing) and "Café Nord" not in page_text(listing)
    editions = editor.get(reverse("wagtailsnippets_editions_printedition:list"), {"q": "budget"})
    assert editions.status_code == 200

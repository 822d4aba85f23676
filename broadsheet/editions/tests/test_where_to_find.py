""" "Where to find us": places grouped by city and kind, filtered by real addresses, mapped on OpenStreetMap."""

from decimal import Decimal
from urllib.parse import parse_qs, urlsplit

import pytest

from broadsheet.core.tests.html import one, page_text, soup, texts

from .factories import make_point

pytestmark = pytest.mark.django_db


@pytest.fixture
def places():
    return {
        "nord": make_point(
            "Café Nord",
            "Fairwater",
            "cafe",
            address="12 Quay Street",
            latitude=Decimal("51.501234"),
            longitude=Decimal("-0.123456"),
            notes="On the counter by the door",
        ),
        "beans": make_point("Beans & Co", "Fairwater", "cafe", address="3 Mill Lane"),
        "grand": make_point("Grand Hotel", "Fairwater", "hotel", address="1 River Walk"),
        "tower": make_point("Tower Plaza", "Fairwater", "business-centre", address="40 Canal Road"),
        "metropol": make_point(
            "Гостиница «Метрополь»",
            "Москва",
            "hotel",
            address="Театральный проезд, 2",
            latitude=Decimal("55.758333"),
            longitude=Decimal("37.621111"),
        ),
        "kiosk": make_point("Киоск у метро", "Москва", "newsstand", address="Тверская улица, 1"),
    }


def headings(response, level: str) -> list[str]:
    return texts(response, f".place-city {level}")


def test_every_place_is_listed_by_city_then_kind_then_name(client, places):
    response = client.get("/where-to-find/")
    assert response.status_code == 200
    assert texts(response, ".place-city__name") == ["Fairwater", "Москва"]
    assert texts(response, ".place-kind__name") == ["Café", "Hotel", "Business centre", "Hotel", "Newsstand"]
    fairwater_cafes = soup(response).select(".place-city")[0].select(".place-kind")[0]
    assert [n.get_text(strip=True) for n in fairwater_cafes.select(".place__name")] == ["Beans & Co", "Café Nord"]
    assert "12 Quay Street, Fairwater" in page_text(response)
    assert "On the counter by the door" in page_text(response)
    assert "6 places where you can pick up the printed paper." in page_text(response)


def test_a_city_page_shows_only_that_city(client, places):
    response = client.get("/where-to-find/moskva/")
    assert response.status_code == 200
    assert one(response, "h1").get_text(strip=True) == "Where to find us in Москва"
    assert texts(response, ".place__name") == ["Гостиница «Метрополь»", "Киоск у метро"]


def test_a_city_and_kind_page_shows_only_those_places(client, places):
    response = client.get("/where-to-find/fairwater/cafe/")
    assert response.status_code == 200
    assert texts(response, ".place__name") == ["Beans & Co", "Café Nord"]
    assert texts(response, ".place-kind__name") == ["Café"]


def test_a_kind_page_shows_that_kind_in_every_city(client, places):
    response = client.get("/where-to-find/kind/hotel/")
    assert texts(response, ".place__name") == ["Grand Hotel", "Гостиница «Метрополь»"]
    assert texts(response, ".place-city__name") == ["Fairwater", "Москва"]


def test_a_kind_a_city_lacks_is_an_empty_page_not_an_error(client, places):
    response = client.get("/where-to-find/moskva/cafe/")
    assert response.status_code == 200
    assert "None of these places stock the paper here yet" in page_text(response)


@pytest.mark.parametrize(
    "url",
    [
        "/where-to-find/atlantis/",
        "/where-to-find/fairwater/castle/",
        "/where-to-find/kind/castle/",
        "/where-to-find/fairwater/cafe/extra/",
        "/where-to-find/%D0%BC%D0%BE%D1%81%D0%BA%D0%B2%D0%B0/",
    ],
)
def test_unknown_cities_and_kinds_are_404(client, places, url):
    assert client.get(url).status_code == 404


def test_filter_links_are_real_addresses_that_keep_the_other_choice(client, places):
    response = client.get("/where-to-find/fairwater/")
    groups = soup(response).select(".place-filter__group")
    cities = {a.get_text(strip=True): a["href"] for a in groups[0].select("a")}
    assert cities == {
        "All cities": "/where-to-find/",
        "Fairwater": "/where-to-find/fairwater/",
        "Москва": "/where-to-find/moskva/",
    }
    kinds = {a.get_text(strip=True): a["href"] for a in groups[1].select("a")}
    assert kinds == {
        "All kinds": "/where-to-find/fairwater/",
        "Café": "/where-to-find/fairwater/cafe/",
        "Hotel": "/where-to-find/fairwater/hotel/",
        "Business centre": "/where-to-find/fairwater/business-centre/",
    }
    assert texts(response, '.place-filter__link[aria-current="page"]') == ["Fairwater", "All kinds"]

    hotels = client.get("/where-to-find/kind/hotel/")
    cities = {a.get_text(strip=True): a["href"] for a in soup(hotels).select(".place-filter__group")[0].select("a")}
    assert cities["Москва"] == "/where-to-find/moskva/hotel/"
    assert cities["All cities"] == "/where-to-find/kind/hotel/"
    for href in cities.values():
        assert client.get(href).status_code == 200


def test_filter_form_goes_to_the_dynamic_jump_and_lands_on_the_baked_page(client, places):
    form = one(client.get("/where-to-find/moskva/hotel/"), "form.place-filter__form")
    assert form["method"] == "get" and form["action"] == "/jump/where-to-find/"
    assert form.select_one('select[name="city"] option[selected]')["value"] == "moskva"
    assert form.select_one('select[name="kind"] option[selected]')["value"] == "hotel"
    assert not form.select('input[name="csrfmiddlewaretoken"]')

    cases = {
        "city=fairwater&kind=hotel": "/where-to-find/fairwater/hotel/",
        "city=fairwater&kind=": "/where-to-find/fairwater/",
        "city=&kind=newsstand": "/where-to-find/kind/newsstand/",
        "city=&kind=": "/where-to-find/",
        "city=atlantis&kind=hotel": "/where-to-find/kind/hotel/",
        "city=fairwater&kind=<script>": "/where-to-find/fairwater/",
        "": "/where-to-find/",
    }
    for query, target in cases.items():
        response = client.get(f"/jump/where-to-find/?{query}")
        assert response.status_code == 302, query
        assert response["Location"] == target, query
        assert client.get(target).status_code == 200


def test_each_place_links_to_openstreetmap_without_loading_anything_from_it(client, places):
    response = client.get("/where-to-find/")
    links = {a.get_text(strip=True): a["href"] for a in soup(response).select(".place__map-link")}
    nord = urlsplit(links["Café Nord on OpenStreetMap"])
    assert (nord.scheme, nord.netloc, nord.path) == ("https", "www.openstreetmap.org", "/")
    assert parse_qs(nord.query) == {"mlat": ["51.501234"], "mlon": ["-0.123456"]}
    assert nord.fragment == "map=18/51.501234/-0.123456"
    # Without coordinates: a search for the address.
    beans = urlsplit(links["Beans & Co on OpenStreetMap"])
    assert beans.path == "/search"
    assert parse_qs(beans.query) == {"query": ["3 Mill Lane, Fairwater"]}
    metropol = urlsplit(links["Гостиница «Метрополь» on OpenStreetMap"])
    assert parse_qs(metropol.query) == {"mlat": ["55.758333"], "mlon": ["37.621111"]}
    # Links only: nothing on the page is fetched from another site.
    page = soup(response)
    sources = [tag["src"] for tag in page.select("[src]")]
    stylesheets = [tag["href"] for tag in page.select("link[href]:not([rel=canonical])")]
    fetched = sources + stylesheets
    assert all(url.startswith("/") and not url.startswith("//") for url in fetched), fetched
    assert not page.select("iframe")


def test_no_places_yet(client):
    response = client.get("/where-to-find/")
    assert response.status_code == 200
    assert "coming soon" in page_text(response)

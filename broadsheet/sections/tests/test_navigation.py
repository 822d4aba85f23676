"""The section menu: order and labels from NavigationSettings, special hubs while active."""

import datetime

import time_machine

from broadsheet.core.tests.html import soup, texts
from broadsheet.sections.tests.factories import make_section

MENU = ["News", "Business", "Opinion", "Meanwhile...", "World Сup"]


def menu(response) -> list[str]:
    return texts(response, ".section-nav .section-nav__link")


def menu_links(response) -> list[str]:
    return [link["href"] for link in soup(response).select(".section-nav .section-nav__link")]


def test_menu_follows_the_navigation_settings(client, newsroom):
    response = client.get("/")

    assert menu(response) == MENU
    assert menu_links(response) == ["/news/", "/business/", "/opinion/", "/meanwhile/", "/world-cup/"]


def test_menu_is_on_every_kind_of_page(client, newsroom):
    for url in ["/news/", "/2017/11/", "/no-such-page/"]:
        assert menu(client.get(url)) == MENU, url


def test_special_hub_is_marked(client, newsroom):
    specials = soup(client.get("/")).select(".section-nav .section-nav__link--special")

    assert [link.get_text(strip=True) for link in specials] == ["World Сup"]


def test_section_not_in_the_settings_is_not_in_the_menu(client, newsroom):
    make_section(newsroom.home, "City", "city")

    assert "City" not in menu(client.get("/"))
    assert client.get("/city/").status_code == 200


def test_unpublished_section_leaves_the_menu(client, newsroom):
    newsroom.business.unpublish()

    assert menu(client.get("/")) == ["News", "Opinion", "Meanwhile...", "World Сup"]
    assert client.get("/business/").status_code == 404


def test_special_hub_is_shown_until_its_last_day(client, newsroom):
    with time_machine.travel(datetime.datetime(2030, 7, 21, 21, 0, tzinfo=datetime.UTC), tick=False):
        assert "World Сup" in menu(client.get("/"))


def test_special_hub_leaves_the_menu_after_its_last_day_in_the_site_time_zone(client, newsroom):
    # 23:30 UTC on 21 July is already 00:30 on the 22nd in London.
    with time_machine.travel(datetime.datetime(2030, 7, 21, 23, 30, tzinfo=datetime.UTC), tick=False):
        response = client.get("/")

    assert menu(response) == MENU[:-1]


def test_expired_hub_still_has_its_page(client, newsroom):
    with time_machine.travel(datetime.datetime(2030, 8, 1, 12, 0, tzinfo=datetime.UTC), tick=False):
        assert "World Сup" not in menu(client.get("/"))
        assert client.get("/world-cup/").status_code == 200


def test_current_section_is_marked(client, newsroom):
    current = soup(client.get("/business/")).select(".section-nav [aria-current]")

    assert [link.get_text(strip=True) for link in current] == ["Business"]

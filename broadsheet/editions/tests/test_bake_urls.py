"""Every address the bake is told about answers 200; the jump only ever lands on one of them."""

import datetime
import itertools

import pytest
from wagtail import hooks

from .factories import make_edition, make_point

pytestmark = pytest.mark.django_db


def test_every_listed_address_renders_and_every_jump_lands_on_a_listed_one(client):
    make_edition(7, datetime.date(2025, 12, 4))
    make_edition(8, datetime.date(2026, 1, 8), live=False)
    make_point("Café Nord", "Fairwater", "cafe")
    make_point("Киоск", "Москва", "newsstand")
    urls = [url for hook in hooks.get_hooks("broadsheet_bake_urls") for url in hook()]
    assert "/editions/2025/7/" in urls and "/editions/2026/8/" not in urls
    assert "/where-to-find/moskva/cafe/" in urls
    for url in urls:
        assert client.get(url).status_code == 200, url
    for city, kind in itertools.product(["", "fairwater", "moskva", "nowhere"], ["", "cafe", "library", "bogus"]):
        target = client.get("/jump/where-to-find/", {"city": city, "kind": kind})["Location"]
        assert target in urls, (city, kind, target)

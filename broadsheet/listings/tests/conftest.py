import pytest

from .factories import make_guide, make_venue

ZONE = "Europe/London"  # the newsroom fixture's zone (broadsheet/conftest.py)


@pytest.fixture
def guide(newsroom):
    return make_guide(newsroom.home, intro="What's on in the river city.")


@pytest.fixture
def venue(db):
    return make_venue(
        "River Hall",
        "river-hall",
        latitude="51.507400",
        longitude="-0.127800",
        phone="+44 20 0000 0000",
        opening_hours="Tue–Sun 10:00–19:00",
        accessibility="Step-free entrance",
        website="https://riverhall.example.com/",
    )

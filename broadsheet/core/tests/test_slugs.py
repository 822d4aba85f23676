import pytest

from broadsheet.core.slugs import ascii_slugify


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Встреча в Кремле", "vstrecha-v-kremle"),
        ("Meanwhile…", "meanwhile"),
        ("Listings & Guide", "listings-guide"),
        ("World Сup", "world-cup"),  # the С is Cyrillic
        ("“Quoted” and ‘single’ — dashes", "quoted-and-single-dashes"),
        ("Rocket launch 🚀 delayed", "rocket-launch-delayed"),
        ("Coffee ☕ time 😀", "coffee-time"),
        ("Zürich café", "zurich-cafe"),
        ("Ελληνικά νέα", "ellinika-nea"),
        ("", ""),
    ],
)
def test_ascii_slugify_transliterates_to_readable_ascii(text, slug):
    assert ascii_slugify(text) == slug


def test_long_slugs_are_cut_at_a_word_boundary():
    slug = ascii_slugify("Президент " * 20, max_length=30)

    assert len(slug) <= 30
    assert slug == "prezident-prezident-prezident"

from broadsheet.sections.tests.factories import make_section


def test_section_slug_is_made_from_the_title(newsroom):
    assert newsroom.meanwhile.slug == "meanwhile"
    assert make_section(newsroom.home, "Listings & Guide").slug == "listings-guide"


def test_cyrillic_section_title_gets_a_transliterated_slug(client, newsroom):
    section = make_section(newsroom.home, "Новости Москвы")

    assert section.slug == "novosti-moskvy"
    assert client.get("/novosti-moskvy/").status_code == 200


def test_mixed_script_title_keeps_every_letter_in_its_slug(newsroom):
    # "Сup" starts with a Cyrillic Es: the slug must not lose it.
    assert make_section(newsroom.home, "Euro Сup").slug == "euro-cup"

"""Link previews, canonical links and descriptions, as a network's crawler reads the page."""

import datetime
import io
from types import SimpleNamespace

import pytest
from PIL import Image

from broadsheet.articles.tests.factories import make_article
from broadsheet.company.tests.factories import make_company_page
from broadsheet.core.tests.factories import make_image
from broadsheet.core.tests.html import soup
from broadsheet.seo.models import SearchAndSharingSettings

PUBLISHED = datetime.datetime(2026, 11, 8, 6, 38, tzinfo=datetime.UTC)


def meta(response) -> dict[str, list[str]]:
    """Every ``<meta property|name=… content=…>`` of the page, by key, in order."""
    found: dict[str, list[str]] = {}
    for element in soup(response).select("head meta[content]"):
        key = element.get("property") or element.get("name")
        if key:
            found.setdefault(key, []).append(element["content"])
    return found


def canonical(response) -> str:
    (link,) = soup(response).select('head link[rel="canonical"]')
    return link["href"]


@pytest.fixture
def story(newsroom, person, tag):
    return make_article(
        newsroom.business,
        "Port deal signed",
        PUBLISHED,
        standfirst="The harbour gets its cranes.",
        lead_image=make_image("Cranes", 2000, 1500),
        authors=(person,),
        tags=(tag,),
    )


@pytest.fixture
def pages(story, newsroom, person, tag):
    """Every kind of reader page, by name."""
    make_company_page(newsroom.home, "About us", "about", summary="Who we are and how we work.")
    return {
        "home": "/",
        "section": "/business/",
        "article": story.url,
        "author": "/authors/anna-petrova/",
        "tag": "/tags/elections/",
        "day archive": "/2026/11/08/",
        "month archive": "/2026/11/",
        "company": "/about/",
    }


def test_a_story_is_shared_as_an_article(client, story):
    tags = meta(client.get(story.url))

    assert tags["og:type"] == ["article"]
    assert tags["og:title"] == ["Port deal signed"]
    assert tags["og:description"] == ["The harbour gets its cranes."]
    assert tags["og:url"] == ["http://localhost" + story.url]
    assert tags["article:published_time"] == ["2026-11-08T06:38:00Z"]
    assert tags["article:modified_time"] == ["2026-11-08T06:38:00Z"]
    assert tags["article:section"] == ["Business"]
    assert tags["article:tag"] == ["Elections"]
    assert tags["article:author"] == ["http://localhost/authors/anna-petrova/"]


def test_the_share_picture_is_a_1200_by_630_rendition(client, story):
    tags = meta(client.get(story.url))

    (url,) = tags["og:image"]
    assert url.startswith("http://localhost/media/images/") and "fill-1200x630" in url
    assert tags["og:image:width"] == ["1200"] and tags["og:image:height"] == ["630"]
    assert tags["og:image:alt"] == ["Cranes"]
    image = client.get(url.removeprefix("http://localhost"))
    data = b"".join(image.streaming_content) if image.streaming else image.content
    assert Image.open(io.BytesIO(data)).size == (1200, 630)


def test_x_twitter_gets_a_large_picture_card(client, story):
    tags = meta(client.get(story.url))

    assert tags["twitter:card"] == ["summary_large_image"]
    assert tags["twitter:title"] == ["Port deal signed"]
    assert tags["twitter:description"] == ["The harbour gets its cranes."]
    assert tags["twitter:image"] == tags["og:image"]
    assert tags["twitter:image:alt"] == ["Cranes"]


def test_every_page_has_a_description_a_canonical_link_and_absolute_preview_tags(client, pages):
    for name, path in pages.items():
        response = client.get(path)
        assert response.status_code == 200, name
        tags = meta(response)

        (description,) = tags["description"]
        assert description.strip(), name
        assert tags["og:description"] == [description] == tags["twitter:description"], name
        assert canonical(response) == "http://localhost" + path, name
        assert tags["og:url"] == ["http://localhost" + path], name
        for key in ("og:image", "twitter:image"):
            assert tags[key][0].startswith("http://localhost/"), (name, key)
        assert tags["og:title"][0].strip(), name
        assert tags["og:site_name"] == ["The Broadsheet Daily"], name
        assert tags["og:type"] == [{"article": "article", "author": "profile"}.get(name, "website")], name


def test_descriptions_say_what_each_page_is(client, pages, newsroom):
    descriptions = {name: meta(client.get(path))["description"][0] for name, path in pages.items()}

    assert descriptions == {
        "home": "Independent news since 1992",
        "section": "Business",
        "article": "The harbour gets its cranes.",
        "author": "Anna Petrova, Business correspondent: stories by Anna Petrova.",
        "tag": "Stories about Elections, newest first.",
        "day archive": "Every story first published on 8 November 2026.",
        "month archive": "Every story first published in November 2026.",
        "company": "Who we are and how we work.",
    }


def test_an_editors_search_description_wins(client, story):
    story.search_description = "Written for search results."
    story.save_revision().publish()
    assert meta(client.get(story.url))["description"] == ["Written for search results."]


def test_pages_without_a_picture_share_the_drawn_card_or_the_editors_choice(client, pages, newsroom):
    tags = meta(client.get("/business/"))
    assert tags["og:image"] == ["http://localhost/share-card.png"]
    card = client.get("/share-card.png")
    assert card["Content-Type"] == "image/png"
    assert Image.open(io.BytesIO(card.content)).size == (1200, 630)

    sharing = SearchAndSharingSettings.for_site(newsroom.site)
    sharing.share_image = make_image("Newsroom at night", 1600, 1000)
    sharing.save()
    tags = meta(client.get("/business/"))
    assert "fill-1200x630" in tags["og:image"][0]
    assert tags["og:image:alt"] == ["Newsroom at night"]


@pytest.mark.parametrize(
    "query",
    [
        "?utm_source=telegram&utm_medium=social&utm_campaign=morning",
        "?fbclid=IwAR0abc",
        "?gclid=Cj0KCQ&utm_source=google",
    ],
)
def test_links_with_tracking_parameters_keep_the_clean_canonical(client, story, query):
    response = client.get(story.url + query)
    clean = "http://localhost" + story.url

    assert canonical(response) == clean
    assert meta(response)["og:url"] == [clean]
    assert "utm_" not in response.content.decode() and "fbclid" not in response.content.decode()


def test_archive_pages_say_which_page_they_are(client, newsroom, page_size):
    for number in range(7):
        make_article(newsroom.news, f"Story {number}", PUBLISHED + datetime.timedelta(hours=number))

    tags = meta(client.get("/news/page/1/"))

    assert tags["og:title"] == ["News, archive page 1"]
    assert tags["description"] == ["What happened today. Archive page 1."]


def test_the_404_page_has_a_description_but_nothing_to_share(client, newsroom):
    response = client.get("/no-such-page/")
    tags = meta(response)

    assert response.status_code == 404
    assert tags["description"] == ["This page could not be found."]
    assert "og:type" not in tags and not soup(response).select('link[rel="canonical"]')


def test_the_drawn_pictures_use_the_site_name_in_any_script(client, newsroom):
    newsroom.settings.site_name = "Вечерний Бродшит"
    newsroom.settings.save()
    for path, size in [("/publisher-logo.png", (600, 600)), ("/share-card.png", (1200, 630))]:
        response = client.get(path)
        assert response.status_code == 200
        assert Image.open(io.BytesIO(response.content)).size == size


def test_robots_txt_names_the_sitemap_index_and_keeps_crawlers_out_of_dynamic_pages(client, newsroom):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Sitemap: http://localhost/sitemap.xml" in lines
    disallowed = {line.split(":", 1)[1].strip() for line in lines if line.startswith("Disallow:")}
    assert disallowed == {"/admin/", "/search/", "/report-error/", "/jump/"}
    assert client.get("/sitemap.xml").status_code == 200


def test_another_apps_view_describes_itself_through_its_context(rf, newsroom):
    """A Django view of another app: a paginator ``page`` and a string ``tag`` are not ours."""
    from django.core.paginator import Paginator
    from django.template.loader import render_to_string

    request = rf.get("/where-to-find/moscow/cafe/?utm_source=x")
    context = {
        "page": Paginator(["a", "b"], 1).page(1),
        "tag": "cafe",
        "meta_title": "Where to find us: cafés in Moscow",
        "meta_description": "Cafés that carry the paper.",
    }
    html = render_to_string("base.html", context, request=request)
    tags = {}
    for element in soup(SimpleNamespace(content=html.encode())).select("head meta[content]"):
        tags[element.get("property") or element.get("name")] = element["content"]

    assert tags["description"] == tags["og:description"] == "Cafés that carry the paper."
    assert tags["og:title"] == "Where to find us: cafés in Moscow"
    assert tags["og:url"] == "http://localhost/where-to-find/moscow/cafe/"
    assert tags["og:type"] == "website"


def test_a_bake_describes_every_page_as_a_reader_gets_it_and_records_the_editors_pictures(client, pages, newsroom):
    """In a bake the publication is worked out once; each page still says the same and records the pictures."""
    from broadsheet.publishing.fragments import fragments_cached
    from broadsheet.publishing.record import object_key
    from broadsheet.publishing.render import Renderer

    sharing = SearchAndSharingSettings.for_site(newsroom.site)
    sharing.logo = make_image("Masthead", 800, 800)
    sharing.share_image = make_image("Newsroom at night", 1600, 1000)
    sharing.save()
    read = {name: meta(client.get(url)) for name, url in pages.items()}
    with fragments_cached(whole_site=True):
        renderer = Renderer()
        baked = {name: renderer.render(url) for name, url in pages.items()}
    for name, rendered in baked.items():
        assert meta(SimpleNamespace(content=rendered.body)) == read[name], name
        assert {object_key(sharing.logo), object_key(sharing.share_image)} <= rendered.keys, name
    assert "fill-1200x630" in read["section"]["og:image"][0]

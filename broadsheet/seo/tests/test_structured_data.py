"""JSON-LD read from the rendered pages, as a search engine reads it."""

import datetime
import io
import json

import pytest
from PIL import Image

from broadsheet.articles.tests.factories import make_article, paragraph
from broadsheet.core.tests.factories import make_image
from broadsheet.core.tests.html import soup
from broadsheet.seo.models import SearchAndSharingSettings

PUBLISHED = datetime.datetime(2026, 11, 8, 6, 38, tzinfo=datetime.UTC)
UPDATED = datetime.datetime(2026, 11, 8, 7, 1, tzinfo=datetime.UTC)
ARTICLE_PROPERTIES = {
    "headline",
    "description",
    "datePublished",
    "dateModified",
    "author",
    "publisher",
    "image",
    "mainEntityOfPage",
    "articleSection",
    "keywords",
}


def json_ld(response) -> list[dict]:
    scripts = soup(response).select('script[type="application/ld+json"]')
    return [json.loads(script.string) for script in scripts]


def of_type(response, schema_type: str) -> dict:
    found = [item for item in json_ld(response) if item["@type"] == schema_type]
    assert len(found) == 1, [item["@type"] for item in json_ld(response)]
    return found[0]


def picture_size(client, url: str) -> tuple[int, int]:
    response = client.get(url.removeprefix("http://localhost"))
    assert response.status_code == 200, url
    data = b"".join(response.streaming_content) if response.streaming else response.content
    return Image.open(io.BytesIO(data)).size


@pytest.fixture
def story(newsroom, person, tag):
    return make_article(
        newsroom.news,
        "Harbour </script><script>alert(1)</script> & “deal”",
        PUBLISHED,
        standfirst="The council signs — at last.",
        lead_image=make_image("Cranes at the harbour", 2000, 1500),
        authors=(person,),
        tags=(tag,),
        byline_credit="Staff and agencies",
        significant_update_at=UPDATED,
        body=[paragraph("The council met.")],
    )


def test_a_story_is_a_news_article_with_every_property(client, story):
    response = client.get(story.url)
    article = of_type(response, "NewsArticle")

    assert article["@context"] == "https://schema.org"
    assert ARTICLE_PROPERTIES <= article.keys()
    assert article["headline"] == story.title
    assert article["description"] == "The council signs — at last."
    assert article["datePublished"] == "2026-11-08T06:38:00Z"
    assert article["dateModified"] == "2026-11-08T07:01:00Z"
    assert article["mainEntityOfPage"] == {"@type": "WebPage", "@id": "http://localhost" + story.url}
    assert article["articleSection"] == "News"
    assert article["keywords"] == ["Elections"]


def test_authors_are_people_with_their_pages(client, story):
    article = of_type(client.get(story.url), "NewsArticle")

    person, agency = article["author"]
    assert person == {"@type": "Person", "name": "Anna Petrova", "url": "http://localhost/authors/anna-petrova/"}
    assert client.get("/authors/anna-petrova/").status_code == 200
    assert agency == {"@type": "Organization", "name": "Staff and agencies"}


def test_pictures_come_in_three_ratios_as_real_renditions(client, story):
    article = of_type(client.get(story.url), "NewsArticle")

    ratios = []
    for image in article["image"]:
        assert image["url"].startswith("http://localhost/media/images/")
        assert picture_size(client, image["url"]) == (image["width"], image["height"])
        ratios.append(round(image["width"] / image["height"], 2))
    assert ratios == [round(16 / 9, 2), round(4 / 3, 2), 1.0]
    assert article["image"][0]["width"] >= 1200


def test_the_publisher_is_a_news_media_organization_with_a_drawn_logo(client, story):
    publisher = of_type(client.get(story.url), "NewsArticle")["publisher"]

    assert publisher["@type"] == "NewsMediaOrganization"
    assert publisher["name"] == "The Broadsheet Daily"
    assert publisher["url"] == "http://localhost/"
    logo = publisher["logo"]
    assert logo["url"] == "http://localhost/publisher-logo.png"
    response = client.get("/publisher-logo.png")
    assert response["Content-Type"] == "image/png"
    assert Image.open(io.BytesIO(response.content)).size == (logo["width"], logo["height"]) == (600, 600)


def test_an_uploaded_logo_replaces_the_drawn_one(client, story, newsroom):
    sharing = SearchAndSharingSettings.for_site(newsroom.site)
    sharing.logo = make_image("Masthead logo", 800, 800)
    sharing.save()

    logo = of_type(client.get(story.url), "NewsArticle")["publisher"]["logo"]

    assert logo["url"].startswith("http://localhost/media/images/masthead-logo")
    assert picture_size(client, logo["url"]) == (logo["width"], logo["height"]) == (600, 600)


@pytest.mark.parametrize(
    ("kind", "schema_type"),
    [
        ("news", "NewsArticle"),
        ("opinion", "OpinionNewsArticle"),
        ("analysis", "AnalysisNewsArticle"),
        ("feature", "NewsArticle"),
    ],
)
def test_the_kind_of_story_picks_the_type(client, newsroom, person, kind, schema_type):
    story = make_article(newsroom.opinion, f"A {kind} piece", PUBLISHED, kind=kind, authors=(person,))

    article = of_type(client.get(story.url), schema_type)

    assert {"headline", "description", "datePublished", "dateModified", "author", "publisher"} <= article.keys()
    assert {"image", "mainEntityOfPage", "articleSection"} <= article.keys()
    # No lead picture: the publication's share card stands in.
    assert article["image"] == [
        {"@type": "ImageObject", "url": "http://localhost/share-card.png", "width": 1200, "height": 630}
    ]


def test_a_headline_cannot_close_the_script_element(client, story):
    response = client.get(story.url)
    html = response.content.decode()

    assert "<script>alert(1)" not in html
    assert [script.get("type") for script in soup(response).select("script:not([src])")] == ["application/ld+json"] * 2
    assert of_type(response, "NewsArticle")["headline"] == "Harbour </script><script>alert(1)</script> & “deal”"


def test_stories_and_sections_have_breadcrumbs(client, story, newsroom):
    trail = of_type(client.get(story.url), "BreadcrumbList")["itemListElement"]
    assert [(item["position"], item["name"], item["item"]) for item in trail] == [
        (1, "The Broadsheet Daily", "http://localhost/"),
        (2, "News", "http://localhost/news/"),
        (3, story.title, "http://localhost" + story.url),
    ]
    assert all(item["@type"] == "ListItem" for item in trail)

    trail = of_type(client.get("/news/"), "BreadcrumbList")["itemListElement"]
    assert [(item["position"], item["name"], item["item"]) for item in trail] == [
        (1, "The Broadsheet Daily", "http://localhost/"),
        (2, "News", "http://localhost/news/"),
    ]


def test_the_home_page_describes_the_website_and_the_publisher(client, newsroom):
    newsroom.settings.social_profiles = json.dumps(
        [{"type": "profile", "value": {"network": "x", "url": "https://x.com/broadsheet_daily"}}]
    )
    newsroom.settings.save()

    response = client.get("/")
    website = of_type(response, "WebSite")
    organization = of_type(response, "NewsMediaOrganization")

    assert website["name"] == "The Broadsheet Daily"
    assert website["url"] == "http://localhost/"
    assert website["publisher"] == {"@id": organization["@id"]}
    assert organization["name"] == "The Broadsheet Daily"
    assert organization["url"] == "http://localhost/"
    assert organization["logo"]["url"] == "http://localhost/publisher-logo.png"
    assert organization["sameAs"] == ["https://x.com/broadsheet_daily"]


def test_an_author_page_is_a_profile_page(client, person, newsroom):
    profile = of_type(client.get("/authors/anna-petrova/"), "ProfilePage")
    assert profile["mainEntity"]["@type"] == "Person"
    assert profile["mainEntity"]["url"] == "http://localhost/authors/anna-petrova/"
    assert profile["mainEntity"]["jobTitle"] == "Business correspondent"

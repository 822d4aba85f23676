"""Pictures: responsive lead images with their credit, lazy teasers below the fold."""

import datetime

import pytest

from broadsheet.articles.tests.factories import image_block, make_article, paragraph
from broadsheet.core.tests.factories import make_image
from broadsheet.core.tests.html import one, soup, visible_text

NOV_8 = datetime.datetime(2017, 11, 8, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture
def photo(db):
    return make_image("Summit photo", 1600, 900, credit="Agency Photo Desk")


def srcset_widths(img) -> list[str]:
    return [candidate.split()[-1] for candidate in img["srcset"].split(",")]


def test_lead_image_has_srcset_width_height_and_credit(client, newsroom, photo):
    article = make_article(newsroom.news, "Summit confirmed", NOV_8, lead_image=photo, lead_image_caption="Delegates")

    response = client.get(article.url)
    figure = one(response, ".article__figure")
    img = figure.select_one("img")

    assert srcset_widths(img) == ["480w", "800w", "1200w"]
    assert img["src"]
    assert (int(img["width"]), int(img["height"])) in {(480, 270), (800, 450), (1200, 675)}
    assert img.get("alt") is not None
    assert img.get("loading") != "lazy"
    assert "Delegates" in visible_text(figure)
    assert "Agency Photo Desk" in visible_text(figure)


def test_article_credit_overrides_the_image_credit(client, newsroom, photo):
    article = make_article(newsroom.news, "Summit confirmed", NOV_8, lead_image=photo, lead_image_credit="Pool photo")

    figure = visible_text(one(client.get(article.url), ".article__figure"))

    assert "Pool photo" in figure
    assert "Agency Photo Desk" not in figure


def test_rendition_files_are_served(client, newsroom, photo):
    article = make_article(newsroom.news, "Summit confirmed", NOV_8, lead_image=photo)

    img = one(client.get(article.url), ".article__figure img")

    assert client.get(img["src"]).status_code == 200


def test_body_images_are_lazy_and_responsive(client, newsroom, photo):
    article = make_article(
        newsroom.news,
        "Summit confirmed",
        NOV_8,
        body=[paragraph("Before the picture."), image_block(photo, "In the hall"), paragraph("After it.")],
    )

    img = one(client.get(article.url), ".article__body img")

    assert img["loading"] == "lazy"
    assert srcset_widths(img) == ["480w", "800w", "1200w"]
    assert img["width"] and img["height"]


def test_list_teaser_images_are_lazy(client, newsroom, photo):
    for number in range(5):
        make_article(newsroom.news, f"Story {number}", NOV_8 + datetime.timedelta(hours=number), lead_image=photo)

    images = soup(client.get("/news/")).select(".story-list img")

    assert len(images) == 5
    assert all(img.get("loading") == "lazy" for img in images)
    assert all(img.get("width") and img.get("height") and img.get("srcset") for img in images)


def test_home_page_lead_loads_at_once_and_teasers_below_it_lazily(client, newsroom, photo):
    for number in range(8):
        make_article(newsroom.news, f"Story {number}", NOV_8 + datetime.timedelta(hours=number), lead_image=photo)

    document = soup(client.get("/"))
    lead = document.select(".front__lead img")
    below = [img for img in document.select("main img") if img not in lead]

    assert len(lead) == 1
    assert lead[0].get("loading") != "lazy"
    assert below
    assert all(img.get("loading") == "lazy" for img in below)

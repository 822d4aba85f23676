"""About us, Jobs, Privacy policy…: plain pages under the home page."""

from broadsheet.company.tests.factories import make_company_page
from broadsheet.core.tests.html import one, visible_text


def test_company_page_is_served(client, newsroom):
    make_company_page(
        newsroom.home, "About us", paragraphs=("An independent daily.", "Founded in 1992."), summary="Who we are."
    )

    response = client.get("/about-us/")

    assert response.status_code == 200
    assert one(response, "h1").get_text(strip=True) == "About us"
    body = visible_text(one(response, ".company-page"))
    assert "Who we are." in body
    assert "An independent daily. Founded in 1992." in body


def test_company_pages_nest(client, newsroom):
    about = make_company_page(newsroom.home, "About us")
    make_company_page(about, "Jobs", paragraphs=("We are hiring a night editor.",))

    response = client.get("/about-us/jobs/")

    assert response.status_code == 200
    assert "We are hiring a night editor." in visible_text(one(response, "main"))


def test_cyrillic_title_gets_a_transliterated_slug(client, newsroom):
    page = make_company_page(newsroom.home, "О нас")

    assert page.slug == "o-nas"
    assert client.get("/o-nas/").status_code == 200


def test_draft_company_page_is_not_served(client, newsroom):
    page = make_company_page(newsroom.home, "Privacy policy")
    page.unpublish()

    assert client.get("/privacy-policy/").status_code == 404

"""Article addresses: /<section>/<yyyy>/<mm>/<dd>/<slug>/, and the redirects that keep old links working."""

import datetime
from urllib.parse import urlsplit

from wagtail.models import PageViewRestriction

from broadsheet.articles.tests.factories import make_article
from broadsheet.core.tests.html import page_text

UTC = datetime.UTC
NOV_8 = datetime.datetime(2017, 11, 8, 9, 38, tzinfo=UTC)
DATED_URL = "/news/2017/11/08/ministers-meet-in-vietnam/"


def location(response) -> str:
    return urlsplit(response["Location"]).path


def test_article_url_carries_the_publication_date(newsroom):
    article = make_article(newsroom.news, "Ministers meet in Vietnam", NOV_8)

    assert article.url == DATED_URL


def test_article_is_served_at_its_dated_url(client, newsroom, person):
    make_article(
        newsroom.news,
        "Ministers meet in Vietnam",
        NOV_8,
        standfirst="The two leaders will meet at the summit after all.",
        authors=(person,),
    )

    response = client.get(DATED_URL)

    assert response.status_code == 200
    text = page_text(response)
    assert "Ministers meet in Vietnam" in text
    assert "The two leaders will meet at the summit after all." in text
    assert "The story of Ministers meet in Vietnam." in text
    assert "Anna Petrova" in text


def test_undated_tree_url_redirects_permanently_to_the_dated_url(client, newsroom):
    make_article(newsroom.news, "Ministers meet in Vietnam", NOV_8)

    response = client.get("/news/ministers-meet-in-vietnam/")

    assert response.status_code == 301
    assert location(response) == DATED_URL


def test_wrong_date_for_a_real_slug_redirects_to_the_canonical_url(client, newsroom):
    make_article(newsroom.news, "Ministers meet in Vietnam", NOV_8)

    response = client.get("/news/2017/11/09/ministers-meet-in-vietnam/")

    assert response.status_code == 301
    assert location(response) == DATED_URL


def test_article_in_another_section_is_not_served_under_this_one(client, newsroom):
    make_article(newsroom.business, "Ministers meet in Vietnam", NOV_8)

    assert client.get(DATED_URL).status_code == 404
    assert client.get("/business/2017/11/08/ministers-meet-in-vietnam/").status_code == 200


def test_unpublished_article_is_not_found_at_either_url(client, newsroom):
    article = make_article(newsroom.news, "Ministers meet in Vietnam", NOV_8)
    article.unpublish()

    assert client.get(DATED_URL).status_code == 404
    assert client.get("/news/ministers-meet-in-vietnam/").status_code == 404


def test_changing_the_slug_leaves_a_permanent_redirect(client, newsroom, django_capture_on_commit_callbacks):
    article = make_article(newsroom.news, "Ministers meet in Vietnam", NOV_8)
    assert client.get(DATED_URL).status_code == 200

    article.slug = "putin-and-trump-to-meet"
    # Wagtail sends page_slug_changed once the transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()

    response = client.get(DATED_URL)
    assert response.status_code == 301
    assert location(response) == "/news/2017/11/08/putin-and-trump-to-meet/"
    assert client.get(location(response)).status_code == 200


def test_moving_to_another_section_leaves_a_permanent_redirect(client, newsroom):
    article = make_article(newsroom.news, "Ministers meet in Vietnam", NOV_8)
    assert client.get(DATED_URL).status_code == 200

    article.move(newsroom.business, pos="last-child")

    response = client.get(DATED_URL)
    assert response.status_code == 301
    assert location(response) == "/business/2017/11/08/ministers-meet-in-vietnam/"
    assert client.get(location(response)).status_code == 200


# An evening story in London: 23:30 UTC on 15 June is 00:30 BST on the 16th.
LONDON_AFTER_MIDNIGHT = datetime.datetime(2026, 6, 15, 23, 30, tzinfo=UTC)


def test_url_date_is_the_site_date_even_outside_a_request(newsroom):
    """Scheduled publishing, tasks and commands have no request; the address must not change with them."""
    article = make_article(newsroom.news, "Late night vote", LONDON_AFTER_MIDNIGHT)

    assert article.url == "/news/2026/06/16/late-night-vote/"


def test_slug_change_outside_a_request_redirects_from_the_address_readers_had(
    client, newsroom, django_capture_on_commit_callbacks
):
    article = make_article(newsroom.news, "Late night vote", LONDON_AFTER_MIDNIGHT)
    old_url = "/news/2026/06/16/late-night-vote/"
    assert client.get(old_url).status_code == 200

    article.slug = "parliament-votes-after-midnight"
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()

    response = client.get(old_url)
    assert response.status_code == 301
    assert location(response) == "/news/2026/06/16/parliament-votes-after-midnight/"


def test_password_protected_article_is_not_shown_at_its_dated_url(client, newsroom):
    article = make_article(newsroom.news, "Ministers meet in Vietnam", NOV_8)
    PageViewRestriction.objects.create(page=article, restriction_type=PageViewRestriction.PASSWORD, password="s3cret")

    response = client.get(DATED_URL)

    assert "The story of Ministers meet in Vietnam." not in response.content.decode()


def test_login_restricted_article_is_not_shown_at_its_dated_url(client, newsroom):
    article = make_article(newsroom.news, "Ministers meet in Vietnam", NOV_8)
    PageViewRestriction.objects.create(page=article, restriction_type=PageViewRestriction.LOGIN)

    response = client.get(DATED_URL)

    assert response.status_code in {302, 401, 403, 404}
    assert "The story of Ministers meet in Vietnam." not in response.content.decode()

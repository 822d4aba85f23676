"""POST /report-error/: what a reader's report gets back, and that refused reports store nothing."""

import datetime
import json
from urllib.parse import urlencode

import pytest
from django.core import mail
from django.core.cache import cache
from wagtail.models import PageViewRestriction

from broadsheet.articles.tests.factories import make_article
from broadsheet.corrections.models import ErrorReport

PUBLISHED = datetime.datetime(2017, 11, 8, 6, 38, tzinfo=datetime.UTC)
ORIGIN = "http://testserver"
HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


@pytest.fixture(autouse=True)
def clean_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def article(newsroom):
    return make_article(newsroom.news, "Council votes on the budget", PUBLISHED)


def report(article, **fields) -> dict:
    data = {
        "page": str(article.pk),
        "text": "voted by 12 to 3",
        "before": "The council ",
        "after": " on Tuesday.",
        "comment": "It was 13 to 2.",
        "email": "",
        "url": article.url,
        "website": "",
    }
    data.update(fields)
    return data


def post_json(client, body, origin: str | None = ORIGIN, **headers):
    raw = body if isinstance(body, (bytes, str)) else json.dumps(body)
    if origin is not None:
        headers["HTTP_ORIGIN"] = origin
    return client.post("/report-error/", raw, content_type="application/json", **headers)


def post_form(client, body, origin: str | None = ORIGIN, **headers):
    raw = body if isinstance(body, (bytes, str)) else urlencode(body)
    if origin is not None:
        headers["HTTP_ORIGIN"] = origin
    return client.post("/report-error/", raw, content_type="application/x-www-form-urlencoded", **headers)


def assert_refused(response, status: int, words: str) -> None:
    assert response.status_code == status, response.content[:500]
    assert words in response.content.decode()
    assert ErrorReport.objects.count() == 0


# Accepted


def test_a_json_report_is_stored_with_its_context(client, article):
    response = post_json(client, report(article, email="reader@example.org"))

    assert response.status_code == 201
    assert response.json() == {"ok": True, "message": "Thank you: the newsroom has your report."}
    stored = ErrorReport.objects.get()
    assert (stored.page_id, stored.selected_text, stored.context_before, stored.context_after) == (
        article.pk,
        "voted by 12 to 3",
        "The council ",
        " on Tuesday.",
    )
    assert (stored.comment, stored.email, stored.status) == ("It was 13 to 2.", "reader@example.org", "new")


def test_the_desk_gets_an_email_with_the_passage_and_a_link_to_the_admin(
    client, article, settings, django_capture_on_commit_callbacks
):
    settings.BROADSHEET_CORRECTIONS_EMAIL = "desk@example.org, editor@example.org"

    with django_capture_on_commit_callbacks(execute=True):
        post_json(client, report(article))

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["desk@example.org", "editor@example.org"]
    assert "Council votes on the budget" in message.subject
    assert "voted by 12 to 3" in message.body
    report_id = ErrorReport.objects.get().pk
    assert f"http://testserver/admin/corrections_errorreport/edit/{report_id}/" in message.body


def test_without_a_desk_address_no_mail_is_sent(client, article, settings, django_capture_on_commit_callbacks):
    settings.BROADSHEET_CORRECTIONS_EMAIL = ""
    with django_capture_on_commit_callbacks(execute=True):
        assert post_json(client, report(article)).status_code == 201
    assert mail.outbox == []


def test_the_plain_form_is_accepted_and_thanks_the_reader(client, article):
    response = post_form(client, report(article), follow=False)

    assert response.status_code == 302
    assert response["Location"] == f"/report-error/sent/?page={article.pk}"
    thanks = client.get(response["Location"])
    assert "The newsroom has your report" in thanks.content.decode()
    assert ErrorReport.objects.get().selected_text == "voted by 12 to 3"


def test_a_page_may_be_named_by_its_address(client, article):
    assert post_json(client, report(article, page=f"http://testserver{article.url}")).status_code == 201
    assert post_json(client, report(article, page=article.url)).status_code == 201
    assert ErrorReport.objects.filter(page=article).count() == 2


def test_unicode_is_kept_end_to_end(client, article):
    text = "«Сетевое издание» — 🗞️ “quoted”"
    assert post_json(client, report(article, text=text, comment="Опечатка")).status_code == 201
    stored = ErrorReport.objects.get()
    assert (stored.selected_text, stored.comment) == (text, "Опечатка")


def test_html_in_every_field_is_stored_as_text(client, article):
    fields = {"text": HOSTILE, "before": HOSTILE, "after": HOSTILE, "comment": HOSTILE}
    assert post_json(client, report(article, **fields)).status_code == 201
    stored = ErrorReport.objects.get()
    assert stored.selected_text == stored.context_before == stored.context_after == stored.comment == HOSTILE


def test_same_origin_by_referer_or_fetch_metadata_is_accepted(client, article):
    response = post_json(client, report(article), origin=None, HTTP_REFERER=f"http://testserver{article.url}")
    assert response.status_code == 201


# Refused: each a 4xx with a message, nothing stored


def test_a_foreign_origin_is_refused(client, article):
    assert_refused(post_json(client, report(article), origin="https://evil.example"), 403, "own pages")


def test_a_null_origin_is_refused(client, article):
    assert_refused(post_json(client, report(article), origin="null"), 403, "own pages")


def test_a_foreign_referer_is_refused(client, article):
    response = post_json(client, report(article), origin=None, HTTP_REFERER="https://evil.example/page/")
    assert_refused(response, 403, "own pages")


def test_a_cross_site_fetch_is_refused_even_with_our_origin(client, article):
    response = post_json(client, report(article), HTTP_SEC_FETCH_SITE="cross-site")
    assert_refused(response, 403, "own pages")


def test_a_request_that_names_no_origin_is_refused(client, article):
    assert_refused(post_json(client, report(article), origin=None), 403, "did not say which page")


def test_a_filled_honeypot_is_refused(client, article):
    assert_refused(post_json(client, report(article, website="http://spam.example")), 400, "looks automated")


@pytest.mark.parametrize("field", ["page", "text"])
def test_a_missing_required_field_is_refused(client, article, field):
    data = report(article)
    del data[field]
    response = post_json(client, data)
    assert_refused(response, 400, "is missing")
    assert field in response.json()["errors"]


def test_an_empty_passage_is_refused(client, article):
    assert_refused(post_json(client, report(article, text="   ")), 400, "The wrong passage is missing")


@pytest.mark.parametrize(
    ("field", "limit"), [("text", 1000), ("before", 400), ("after", 400), ("comment", 2000), ("url", 500)]
)
def test_an_oversized_field_is_refused_with_its_limit(client, article, field, limit):
    response = post_json(client, report(article, **{field: "x" * (limit + 1)}))
    assert_refused(response, 400, f"at most {limit} characters")
    assert field in response.json()["errors"]


def test_a_field_at_its_limit_is_accepted(client, article):
    assert post_json(client, report(article, text="x" * 1000, comment="y" * 2000)).status_code == 201


def test_an_oversized_body_is_refused(client, article):
    body = json.dumps(report(article, padding="z" * 20_000))
    assert_refused(post_json(client, body), 413, "too large")


def test_an_unknown_page_is_refused(client, article):
    assert_refused(post_json(client, report(article, page="999999")), 404, "does not exist or is not public")
    assert_refused(post_json(client, report(article, page="99999999999999999999999")), 404, "does not exist")
    assert_refused(post_json(client, report(article, page="/no/such/page/")), 404, "does not exist")
    assert_refused(post_json(client, report(article, page="https://evil.example/news/")), 404, "does not exist")


def test_an_unpublished_page_is_refused(client, article):
    article.unpublish()
    assert_refused(post_json(client, report(article)), 404, "does not exist or is not public")


def test_a_private_page_is_refused(client, article):
    PageViewRestriction.objects.create(page=article, restriction_type=PageViewRestriction.PASSWORD, password="x")
    assert_refused(post_json(client, report(article)), 404, "does not exist or is not public")


@pytest.mark.parametrize("email", ["not-an-address", "a@b", HOSTILE, "x" * 250 + "@example.org"])
def test_an_invalid_email_is_refused(client, article, email):
    response = post_json(client, report(article, email=email))
    assert response.status_code == 400
    assert "e-mail" in response.json()["message"]
    assert ErrorReport.objects.count() == 0


def test_non_utf8_bytes_in_a_form_are_refused(client, article):
    body = urlencode(report(article, text="")).encode() + b"&text=%FF%FEbad"
    assert_refused(post_form(client, body), 400, "not valid UTF-8")


def test_non_utf8_bytes_in_json_are_refused(client, article):
    body = json.dumps(report(article)).encode().replace(b"12 to 3", b"12 \xff 3")
    assert_refused(post_json(client, body), 400, "not valid UTF-8")


def test_a_body_that_is_not_json_is_refused(client, article):
    assert_refused(post_json(client, "{'page': 1, text: nope"), 400, "not valid JSON")


def test_json_that_is_not_an_object_is_refused(client, article):
    assert_refused(post_json(client, json.dumps(["a", "list"])), 400, "JSON object")


def test_fields_that_are_not_text_are_refused(client, article):
    assert_refused(post_json(client, report(article, text=["a", "list"], comment=7)), 400, "must be text")


def test_control_characters_and_lone_surrogates_are_refused(client, article):
    assert_refused(post_json(client, report(article, comment="nul \x00 byte")), 400, "not text")
    surrogate = json.dumps(report(article)).replace("12 to 3", "12 \\ud800 3")
    assert_refused(post_json(client, surrogate), 400, "not text")


def test_another_content_type_is_refused(client, article):
    response = client.post("/report-error/", "text=x", content_type="text/plain", HTTP_ORIGIN=ORIGIN)
    assert_refused(response, 415, "as a form or as JSON")


def test_other_methods_are_refused(client, db):
    assert client.put("/report-error/", "{}", content_type="application/json").status_code == 405


def test_a_flood_from_one_client_gets_429_with_retry_after(client, article, settings):
    settings.BROADSHEET_CORRECTIONS_RATE_LIMIT = 3
    settings.BROADSHEET_CORRECTIONS_RATE_WINDOW = 600
    for number in range(3):
        assert post_json(client, report(article, text=f"passage {number}")).status_code == 201

    response = post_json(client, report(article, text="one too many"))

    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 600
    assert "try again in" in response.json()["message"]
    assert ErrorReport.objects.count() == 3
    # Another client is not held back.
    assert post_json(client, report(article), REMOTE_ADDR="10.0.0.9").status_code == 201


def test_behind_a_proxy_the_client_comes_from_the_configured_header(client, article, settings):
    settings.BROADSHEET_CORRECTIONS_RATE_LIMIT = 1
    settings.BROADSHEET_CORRECTIONS_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    assert post_json(client, report(article), HTTP_X_FORWARDED_FOR="203.0.113.1").status_code == 201
    assert post_json(client, report(article), HTTP_X_FORWARDED_FOR="203.0.113.2").status_code == 201
    assert post_json(client, report(article), HTTP_X_FORWARDED_FOR="203.0.113.1, 10.0.0.1").status_code == 429


# The plain form (no JavaScript)


def test_the_plain_form_names_the_page_and_holds_no_csrf_token(client, article):
    response = client.get(f"/report-error/?page={article.pk}")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Council votes on the budget" in html
    assert 'name="text"' in html and 'name="comment"' in html and 'name="email"' in html
    assert "csrfmiddlewaretoken" not in html
    assert response["Cache-Control"].startswith("max-age=0")


@pytest.mark.parametrize("page", ["", "999999", "abc", "%00", "../../etc/passwd"])
def test_the_plain_form_for_an_unknown_page_is_a_404_with_a_message(client, newsroom, page):
    response = client.get("/report-error/", {"page": page})
    assert response.status_code == 404
    assert "Which page?" in response.content.decode()


def test_a_refused_plain_form_comes_back_with_what_the_reader_typed(client, article):
    response = post_form(client, report(article, email="nope", comment="Keep <this> comment"))

    html = response.content.decode()
    assert response.status_code == 400
    assert "does not look like an address" in html
    assert "Keep &lt;this&gt; comment" in html  # kept, and escaped
    assert 'value="nope"' in html
    assert ErrorReport.objects.count() == 0


def test_a_flooded_plain_form_still_comes_back_with_what_was_typed(client, article, settings):
    settings.BROADSHEET_CORRECTIONS_RATE_LIMIT = 0
    response = post_form(client, report(article, comment="Please keep me"))
    assert response.status_code == 429
    assert response["Retry-After"]
    assert "Please keep me" in response.content.decode()

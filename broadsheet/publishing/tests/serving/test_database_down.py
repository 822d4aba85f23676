"""With the database (or the whole app) down, every baked URL is still served."""

import pytest

from .conftest import ARTICLE_URL, STATIC_NAME, serve_env
from .servers import fetch, free_port, nginx_missing_reason, running_nginx, running_serve

pytestmark = pytest.mark.django_db
BAKED_URLS = ("/", "/news/", ARTICLE_URL, "/feeds/rss.xml", "/robots.txt", "/" + STATIC_NAME)


def unreachable_database_url() -> str:
    # A port nothing listens on: every connection attempt is refused at once.
    return f"postgres://broadsheet@127.0.0.1:{free_port()}/broadsheet"


def test_serve_answers_baked_urls_while_the_database_is_unreachable(bake_dir, tmp_path):
    log = tmp_path / "serve.log"
    with running_serve(bake_dir, serve_env(unreachable_database_url()), log=log, extra=("--no-worker",)) as port:
        dynamic = fetch(port, "/admin/login/")
        pages = {url: fetch(port, url, headers={"Accept-Encoding": "br, gzip"}) for url in BAKED_URLS}
        revalidated = fetch(
            port, ARTICLE_URL, headers={"Accept-Encoding": "br", "If-None-Match": pages[ARTICLE_URL].headers["etag"]}
        )
        still_up = fetch(port, ARTICLE_URL)

    assert dynamic.status == 500  # Django tried, failed, and said so
    assert b"Something went wrong" in dynamic.body
    for url, response in pages.items():
        assert response.status == 200, url
    assert pages[ARTICLE_URL].headers["content-encoding"] == "br"
    assert revalidated.status == 304
    assert still_up.status == 200


@pytest.mark.nginx
def test_nginx_answers_baked_urls_while_the_app_is_down(bake_dir, tmp_path):
    if reason := nginx_missing_reason():
        pytest.skip(f"NGINX TESTS SKIPPED: {reason}")
    with running_nginx(bake_dir, f"127.0.0.1:{free_port()}", tmp_path) as port:
        pages = {url: fetch(port, url, headers={"Accept-Encoding": "gzip"}) for url in BAKED_URLS}
        dynamic = fetch(port, "/admin/login/")

    for url, response in pages.items():
        assert response.status == 200, url
    assert pages[ARTICLE_URL].headers["content-encoding"] == "gzip"
    assert dynamic.status == 502

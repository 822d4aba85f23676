"""A baked site written from real pages, served by ``broadsheet serve`` and by nginx.

The servers are started once per test session (each takes a few seconds) and
every test reads from them; nothing a test does changes the bake.
"""

import datetime
import io
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.db import connection, transaction
from django.test import Client
from PIL import Image

from broadsheet.articles.tests.factories import make_article, paragraph
from broadsheet.home.tests.factories import make_home
from broadsheet.sections.tests.factories import make_section

from .bakery import render_pages, write_build
from .servers import nginx_missing_reason, running_nginx, running_serve

ARTICLE_URL = "/news/2026/11/20/the-river-bridge-reopens/"
REDIRECTED_URL = "/old-bridge-story/"
STATIC_NAME = "static/broadsheet/css/site.0123456789ab.css"
FEED = (
    '<?xml version="1.0" encoding="utf-8"?>\n'
    '<rss version="2.0"><channel><title>Broadsheet — News</title></channel></rss>\n'
).encode()
BAKED_404_MARK = b"<!-- baked 404 -->\n"
ROBOTS = b"User-agent: *\nAllow: /\n"
SITEMAP_INDEX = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>\n'
)


def pixel_png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 30, 30)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture(scope="session")
def bake_dir(tmp_path_factory, django_db_setup, django_db_blocker) -> Path:
    """Home, a section and a story rendered by Django, then the other kinds of file."""
    bake = tmp_path_factory.mktemp("bake")
    with django_db_blocker.unblock(), transaction.atomic():
        home = make_home("The Broadsheet Daily")
        news = make_section(home, "News", "news")
        make_article(
            news,
            "The river bridge reopens — «Мост открыт» 🌉",
            datetime.datetime(2026, 11, 20, 9, 0, tzinfo=datetime.UTC),
            slug="the-river-bridge-reopens",
            body=[paragraph("Traffic crossed the river again this morning. " * 40)],
        )
        files = render_pages(Client(), ["/", "/news/", ARTICLE_URL])
        transaction.set_rollback(True)
    # Django renders the same template for a live 404: mark the baked copy to tell them apart.
    files["404.html"] += BAKED_404_MARK
    files["robots.txt"] = ROBOTS
    files["feeds/rss.xml"] = FEED
    files["sitemap.xml"] = SITEMAP_INDEX
    files["sitemaps/news.xml"] = SITEMAP_INDEX.replace(b"sitemapindex", b"urlset")
    files[STATIC_NAME] = (Path(__file__).resolve().parents[3] / "static/broadsheet/css/site.css").read_bytes()
    files["media/images/pixel.png"] = pixel_png()
    files[".bake.json"] = json.dumps({"redirects": {REDIRECTED_URL: {"to": ARTICLE_URL, "status": 301}}}).encode()
    write_build(bake, files)
    return bake


@pytest.fixture(scope="session")
def app_database_url(tmp_path_factory, django_db_setup, django_db_blocker) -> str:
    """The migrated test database, reachable from a server in another process."""
    with django_db_blocker.unblock():
        connection.ensure_connection()
        if connection.vendor == "sqlite":
            # The test database lives in this process's memory: copy it to a file.
            path = tmp_path_factory.mktemp("database") / "app.sqlite3"
            target = sqlite3.connect(path)
            connection.connection.backup(target)
            target.close()
            return f"sqlite:///{path}"
        db = connection.settings_dict
        return f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def serve_env(database_url: str) -> dict[str, str]:
    return {"DJANGO_SETTINGS_MODULE": "broadsheet.settings.test", "DATABASE_URL": database_url}


@pytest.fixture(scope="session")
def serve_port(bake_dir, app_database_url, tmp_path_factory) -> Iterator[int]:
    log = tmp_path_factory.mktemp("serve") / "serve.log"
    with running_serve(bake_dir, serve_env(app_database_url), log=log, extra=("--no-worker",)) as port:
        yield port


@pytest.fixture(scope="session")
def nginx_port(bake_dir, serve_port, tmp_path_factory) -> Iterator[int]:
    """nginx in front of the ``broadsheet serve`` above, as in production."""
    if reason := nginx_missing_reason():
        pytest.skip(f"NGINX TESTS SKIPPED: {reason}")
    with running_nginx(bake_dir, f"127.0.0.1:{serve_port}", tmp_path_factory.mktemp("nginx")) as port:
        yield port


@pytest.fixture(params=["serve", pytest.param("nginx", marks=pytest.mark.nginx)])
def front(request) -> SimpleNamespace:
    """Each test runs against ``broadsheet serve`` and against deploy/nginx.conf."""
    port = request.getfixturevalue(f"{request.param}_port")
    return SimpleNamespace(name=request.param, port=port)

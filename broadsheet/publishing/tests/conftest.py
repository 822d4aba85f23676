"""A small baked newsroom: two sections, a few bylined and tagged stories, one full bake."""

import datetime
from types import SimpleNamespace

import pytest
from django.utils import timezone

from broadsheet.articles.tests.factories import make_article
from broadsheet.people.tests.factories import make_person
from broadsheet.publishing import layout, publish
from broadsheet.publishing.bake import Baker
from broadsheet.taxonomy.tests.factories import make_tag


@pytest.fixture
def bake_dir(settings, tmp_path):
    settings.BROADSHEET_BAKE_DIR = tmp_path / "bake"
    settings.BROADSHEET_BAKE_PROCESSES = 1
    return settings.BROADSHEET_BAKE_DIR


@pytest.fixture
def stories(newsroom):
    now = timezone.now()
    anna = make_person("Anna Petrova", role="Business correspondent")
    boris = make_person("Boris Ivanov", role="Reporter")
    floods = make_tag("Floods")
    older = now - datetime.timedelta(days=3)
    return SimpleNamespace(
        anna=anna,
        boris=boris,
        floods=floods,
        river=make_article(newsroom.news, "River bursts its banks", older, authors=(anna,), tags=(floods,)),
        bridge=make_article(newsroom.news, "Bridge closed", older + datetime.timedelta(hours=1), authors=(anna,)),
        council=make_article(newsroom.news, "Council meets", older + datetime.timedelta(hours=2), authors=(boris,)),
        rates=make_article(newsroom.business, "Rates held", older + datetime.timedelta(hours=3), authors=(boris,)),
    )


@pytest.fixture
def baked(bake_dir, newsroom, stories):
    """The newsroom after one full bake; ``.live`` is the live build's directory."""
    summary = Baker(processes=1).run()
    return SimpleNamespace(summary=summary, live=layout.live_dir(), **vars(stories), **vars(newsroom))


@pytest.fixture
def rebakes(monkeypatch):
    """Every incremental rebake's summary, in order."""
    summaries = []
    original = publish.rebake

    def recording_rebake(*args, **kwargs):
        summary = original(*args, **kwargs)
        summaries.append(summary)
        return summary

    monkeypatch.setattr(publish, "rebake", recording_rebake)
    return summaries


def baked_file(live, url: str):
    return live / layout.url_to_relative_path(url)

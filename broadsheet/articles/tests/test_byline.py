"""The byline as readers read it: "By A, B and Agency", on the story and on its teasers."""

import datetime

import pytest

from broadsheet.articles.tests.factories import make_article
from broadsheet.core.tests.html import soup, squash
from broadsheet.people.tests.factories import make_person

PUBLISHED = datetime.datetime(2026, 11, 8, 6, 38, tzinfo=datetime.UTC)


@pytest.mark.parametrize(
    ("names", "credit", "expected"),
    [
        (["Anna Petrova"], "", "By Anna Petrova"),
        (["Anna Petrova", "Борис Иванов"], "", "By Anna Petrova and Борис Иванов"),
        (["Anna Petrova", "Борис Иванов", "Zoë O’Neill"], "", "By Anna Petrova, Борис Иванов and Zoë O’Neill"),
        (["Anna Petrova", "Борис Иванов"], "Reuters", "By Anna Petrova, Борис Иванов and Reuters"),
        (["Anna Petrova"], "Agence <France>", "By Anna Petrova and Agence <France>"),
        ([], "Staff & agencies", "By Staff & agencies"),
    ],
)
def test_the_byline_names_every_author_then_the_credit(client, newsroom, names, credit, expected):
    authors = tuple(make_person(name) for name in names)
    story = make_article(newsroom.news, "Port deal signed", PUBLISHED, authors=authors, byline_credit=credit)
    page = soup(client.get(story.url))
    assert squash(page.select_one(".article__header .byline").get_text()) == expected
    assert [a.get_text() for a in page.select(".article__header .byline a")] == names  # linked to their pages
    teaser = soup(client.get("/news/")).select_one(".teaser .byline")
    assert squash(teaser.get_text()) == expected
    assert teaser.select("a") == []  # a teaser links to the story, not to its authors


def test_a_story_without_authors_or_credit_has_no_byline(client, newsroom):
    story = make_article(newsroom.news, "Port deal signed", PUBLISHED)
    assert soup(client.get(story.url)).select(".byline") == []

"""Reading rendered pages the way a reader does: text, links, elements."""

import copy
import re

from bs4 import BeautifulSoup, Tag


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode(), "html.parser")


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def visible_text(element: Tag) -> str:
    """An element's text as seen on screen: no scripts, no screen-reader-only words."""
    element = copy.copy(element)
    for hidden in element.select("script, style, template, .visually-hidden"):
        hidden.decompose()
    return squash(element.get_text(" "))


def page_text(response) -> str:
    """The visible text of a whole page, whitespace collapsed."""
    return visible_text(soup(response))


def texts(response, selector: str) -> list[str]:
    """The visible text of every element matching a CSS selector, in page order."""
    return [visible_text(element) for element in soup(response).select(selector)]


def one(response, selector: str) -> Tag:
    found = soup(response).select(selector)
    assert len(found) == 1, f"expected one {selector!r}, found {len(found)}"
    return found[0]


def listed_headlines(response) -> list[str]:
    """The headlines of a paginated story list (sections, tags, authors, archives)."""
    return texts(response, ".story-list .teaser__headline")


def in_order(text: str, parts: list[str]) -> bool:
    """Whether every part occurs in ``text``, each after the one before."""
    position = 0
    for part in parts:
        found = text.find(part, position)
        if found < 0:
            return False
        position = found + len(part)
    return True

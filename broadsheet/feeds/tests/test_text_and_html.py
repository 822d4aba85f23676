"""What a feed keeps and drops of the text and HTML it is given."""

import pytest

from broadsheet.feeds.html import feed_html
from broadsheet.feeds.text import xml_safe, xml_safe_values

BASE = "https://news.example.com/"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bell\x07 and\x00 null\x1f", "Bell and null"),
        ("Tabs\tand\nbreaks\r stay", "Tabs\tand\nbreaks\r stay"),
        ("C1\x85 NEL stays, \x80\x9f go", "C1\x85 NEL stays,  go"),
        ("Lone \ud800 surrogate, \ufffe and \uffff", "Lone  surrogate,  and "),
        ("Tom & Jerry <script>alert(1)</script>", "Tom & Jerry <script>alert(1)</script>"),
        ("Выборы 2026 🗳️ and Ελλάδα, 東京", "Выборы 2026 🗳️ and Ελλάδα, 東京"),
    ],
)
def test_xml_safe_drops_only_what_xml_cannot_carry(text, expected):
    assert xml_safe(text) == expected


def test_xml_safe_values_reaches_into_lists_and_dicts():
    value = {"authors": [{"name": "Anna\x0b Petrova", "url": None}], "tags": ("a\x01",), "n": 3}

    assert xml_safe_values(value) == {"authors": [{"name": "Anna Petrova", "url": None}], "tags": ("a",), "n": 3}


def test_feed_html_makes_links_and_images_absolute():
    html = '<p><a href="/news/2017/11/08/story/">story</a> <img src="/media/images/a.png" alt="A" width="10"></p>'

    assert feed_html(html, BASE) == (
        '<p><a href="https://news.example.com/news/2017/11/08/story/">story</a> '
        '<img alt="A" src="https://news.example.com/media/images/a.png" width="10"/></p>'
    )


def test_feed_html_keeps_outside_links_and_mail():
    html = '<p><a href="https://other.example.org/x?a=1&amp;b=2">x</a> <a href="mailto:desk@example.com">m</a></p>'

    cleaned = feed_html(html, BASE)

    assert 'href="https://other.example.org/x?a=1&amp;b=2"' in cleaned
    assert 'href="mailto:desk@example.com"' in cleaned


def test_feed_html_drops_scripts_handlers_and_classes():
    html = (
        '<div class="story-body__text"><p onclick="steal()" class="x" style="color:red">Text &amp; more</p>'
        "<script>alert(1)</script><style>p{}</style><iframe src='https://evil.example/'></iframe>"
        '<a href="javascript:alert(1)">bad</a><img src="data:image/png;base64,AAAA" onerror="x()"></div>'
    )

    cleaned = feed_html(html, BASE)

    assert cleaned == "<p>Text &amp; more</p><a>bad</a>"


def test_feed_html_keeps_story_structure_and_unicode():
    html = (
        '<figure class="figure"><img src="/media/a.png" srcset="/media/a.png 480w" sizes="100vw" loading="lazy" alt="">'
        '<figcaption class="figure__caption">Подпись 📷</figcaption></figure>'
        "<blockquote><p>Quote</p><footer><cite>Source</cite></footer></blockquote>"
        "<h2>Heading</h2><ul><li>one</li></ul>"
    )

    cleaned = feed_html(html, BASE)

    assert cleaned == (
        '<figure><img alt="" src="https://news.example.com/media/a.png" width="480"/>'
        "<figcaption>Подпись 📷</figcaption></figure>"
        "<blockquote><p>Quote</p><cite>Source</cite></blockquote><h2>Heading</h2><ul><li>one</li></ul>"
    )


def test_feed_html_takes_the_widest_image_of_a_srcset():
    html = (
        '<img src="/m/a.480.png" srcset="/m/a.480.png 480w, /m/a.1200.png 1200w, /m/a.800.png 800w" '
        'width="480" height="270" alt="A">'
    )

    assert (
        feed_html(html, BASE) == '<img alt="A" height="675" src="https://news.example.com/m/a.1200.png" width="1200"/>'
    )


def test_feed_html_cleans_each_body_once_and_answers_changed_input_afresh(monkeypatch):
    from broadsheet.feeds import html as feed_html_module

    cleaned = []
    clean = feed_html_module.FeedHtmlCleaner.clean
    monkeypatch.setattr(feed_html_module.FeedHtmlCleaner, "clean", lambda self, h: cleaned.append(h) or clean(self, h))
    body = '<p>Один раз 🗞️ <a href="/news/">news</a></p>'

    first = feed_html(body, BASE)
    assert feed_html(body, BASE) == first == '<p>Один раз 🗞️ <a href="https://news.example.com/news/">news</a></p>'
    assert len(cleaned) == 1  # the second feed of the same story parses nothing
    assert feed_html(body, "https://other.example.org/") == (
        '<p>Один раз 🗞️ <a href="https://other.example.org/news/">news</a></p>'
    )
    assert feed_html(body.replace("Один", "Два"), BASE).startswith("<p>Два раз")
    assert len(cleaned) == 3

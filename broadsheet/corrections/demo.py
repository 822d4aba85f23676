"""The demo's corrections desk: a few reader reports (two of the same passage) and one published correction.

Called once from ``create_demo``. Safe to rerun: reports are made only while
there are none, and the correction only while no note exists, so an editor's
triage or edits in the demo are left alone.
"""

import re
from html import unescape

from django.utils.html import strip_tags

from broadsheet.articles.models import ArticlePage

from .models import CorrectionNote, ErrorReport

CONTEXT = 120
WORDS = re.compile(r"\S+")


def first_paragraph(article: ArticlePage) -> str:
    for block in article.body:
        if block.block_type == "paragraph":
            return " ".join(unescape(strip_tags(block.value.source)).split())
    return article.title


def passage(text: str) -> tuple[str, str, str]:
    """Four words from the middle of ``text`` and the text either side of them."""
    words = list(WORDS.finditer(text))
    if len(words) < 6:
        return "", text, ""
    middle = len(words) // 2
    start, end = words[middle - 2].start(), words[middle + 1].end()
    return text[max(0, start - CONTEXT) : start], text[start:end], text[end : end + CONTEXT]


def create_demo_corrections(editor) -> None:
    articles = list(ArticlePage.objects.published().filter(kind="news").newest_first()[:3])
    if len(articles) < 3:
        return
    if not ErrorReport.objects.exists():
        first, second = articles[0], articles[1]
        before, selected, after = passage(first_paragraph(first))
        reports = [
            (first, "Is this the right figure? The council's own report gives another one.", "reader@example.com"),
            (first, "I think this sentence is wrong.", ""),
        ]
        for article, comment, email in reports:
            ErrorReport.objects.create(
                page=article,
                page_url=article.url or "",
                selected_text=selected,
                context_before=before,
                context_after=after,
                comment=comment,
                email=email,
            )
        before, selected, after = passage(first_paragraph(second))
        ErrorReport.objects.create(
            page=second,
            page_url=second.url or "",
            selected_text=selected,
            context_before=before,
            context_after=after,
            comment="Typo: “<b>teh</b>” — spelling, and a stray tag.",
        )
    if not CorrectionNote.objects.exists():
        note = CorrectionNote.objects.create(
            page=articles[2],
            text="An earlier version of this story gave the wrong date for the council vote. It is on Thursday.",
            live=False,
        )
        note.save_revision(user=editor, log_action=True).publish(user=editor)

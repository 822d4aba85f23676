"""Readable ASCII slugs for any headline.

Django's slugify drops letters it cannot map to ASCII, so a Cyrillic headline
would give an empty slug. We transliterate first (anyascii covers every
script), then slugify: "Встреча в Кремле" becomes "vstrecha-v-kremle",
"Meanwhile…" becomes "meanwhile" and "Listings & Guide" "listings-guide".

Real copy mixes scripts inside one word: a Cyrillic "С" typed into "World Сup"
looks Latin to every reader. Transliterating it would give "sup", so in a
word that also has Latin letters, Cyrillic look-alikes are read as the Latin
letters they look like.
"""

import re
import unicodedata

from anyascii import anyascii
from django.utils.text import slugify

MAX_SLUG_LENGTH = 80

CYRILLIC_LOOKALIKES = str.maketrans(
    "АВСЕНІЈКМОРЅТХУаеіјорсѕху",
    "ABCEHIJKMOPSTXYaeijopcsxy",
)
WORD = re.compile(r"\w+")
LATIN = re.compile(r"[A-Za-z]")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def _latinise_mixed_word(match: re.Match) -> str:
    word = match.group(0)
    if LATIN.search(word) and CYRILLIC.search(word):
        return word.translate(CYRILLIC_LOOKALIKES)
    return word


def ascii_slugify(text: str, max_length: int = MAX_SLUG_LENGTH) -> str:
    # Emoji and other pictographs would transliterate to words such as
    # "tada"; a headline's emoji is decoration, so it stays out of the URL.
    text = "".join(" " if unicodedata.category(char) == "So" else char for char in text or "")
    slug = slugify(anyascii(WORD.sub(_latinise_mixed_word, text)))
    if len(slug) > max_length:
        # Cut at a word boundary so the URL stays readable.
        slug = slug[:max_length].rsplit("-", 1)[0] or slug[:max_length]
    return slug

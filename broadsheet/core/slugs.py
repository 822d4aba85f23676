"""Readable ASCII slugs for any headline.

Django's slugify drops letters it cannot map to ASCII, so a Cyrillic headline
would give an empty slug. We transliterate first (anyascii covers every
script), then slugify: "Встреча в Кремле" becomes "vstrecha-v-kremle",
"Meanwhile…" becomes "meanwhile" and "Listings & Guide" "listings-guide".
"""

from anyascii import anyascii
from django.utils.text import slugify

MAX_SLUG_LENGTH = 80


def ascii_slugify(text: str, max_length: int = MAX_SLUG_LENGTH) -> str:
    slug = slugify(anyascii(text or ""))
    if len(slug) > max_length:
        # Cut at a word boundary so the URL stays readable.
        slug = slug[:max_length].rsplit("-", 1)[0] or slug[:max_length]
    return slug

"""Pictures drawn from the site's name, for a newsroom that has not uploaded its own.

A logo and a share card must always exist: Google requires a publisher logo
on every story's structured data, and a link preview without a picture is
easily scrolled past. Editors replace both under Settings → Search and sharing.
"""

import io

from anyascii import anyascii
from PIL import Image, ImageDraw, ImageFont

PAPER = (250, 248, 243)
INK = (26, 26, 26)
RULE = (179, 18, 31)


def initials(name: str) -> str:
    """“The Broadsheet Daily” → “TBD”; any script, in Latin letters (the bundled font has no others)."""
    words = anyascii(name).split()
    letters = "".join(word[0] for word in words if word[0].isalnum())[:3]
    return letters.upper() or "N"


def fitting_font(draw: ImageDraw.ImageDraw, text: str, width: int, height: int) -> ImageFont.FreeTypeFont:
    size = height
    while size > 8:
        font = ImageFont.load_default(size=size)
        left, top, right, bottom = draw.textbbox((0, 0), text, font=font)
        if right - left <= width and bottom - top <= height:
            return font
        size = int(size * 0.9)
    return ImageFont.load_default(size=8)


def draw_masthead_png(name: str, size: tuple[int, int]) -> bytes:
    """A PNG of ``size``: the name's initials (square) or the name itself (wide), on paper, ruled in red."""
    width, height = size
    text = initials(name) if width == height else anyascii(name).strip() or initials(name)
    picture = Image.new("RGB", size, PAPER)
    draw = ImageDraw.Draw(picture)
    margin = width // 10
    font = fitting_font(draw, text, width - 2 * margin, height // 2)
    draw.text((width / 2, height / 2), text, font=font, fill=INK, anchor="mm")
    rule = max(4, height // 40)
    draw.rectangle((margin, height - margin, width - margin, height - margin + rule), fill=RULE)
    data = io.BytesIO()
    picture.save(data, "PNG", optimize=True)
    return data.getvalue()

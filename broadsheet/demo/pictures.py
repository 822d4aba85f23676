"""Abstract "news photos" and author portraits, drawn with Pillow.

The demo must work offline and ship no binary files, so every picture is
painted from a seeded random generator: the same seed draws the same
pictures. Scenes are drawn at half size and scaled up, which softens the
shapes the way a lens would and keeps drawing fast.
"""

import random
from collections.abc import Callable
from io import BytesIO

from anyascii import anyascii
from PIL import Image, ImageDraw, ImageFilter, ImageFont

PHOTO_SIZE = (1600, 900)
PORTRAIT_SIZE = 400
CANVAS = (PHOTO_SIZE[0] // 2, PHOTO_SIZE[1] // 2)

Colour = tuple[int, int, int]

# Sky palettes, top colour to horizon colour: dawn, noon, dusk, night, overcast.
SKIES: list[tuple[Colour, Colour]] = [
    ((44, 62, 112), (244, 176, 132)),
    ((58, 120, 196), (190, 222, 240)),
    ((38, 28, 74), (232, 112, 86)),
    ((8, 12, 34), (42, 58, 96)),
    ((112, 120, 130), (200, 204, 208)),
]
PORTRAIT_BACKGROUNDS: list[Colour] = [
    (31, 78, 121),
    (120, 44, 62),
    (36, 110, 84),
    (150, 96, 28),
    (84, 60, 130),
    (48, 96, 110),
    (128, 70, 40),
    (70, 80, 96),
]


def mix(a: Colour, b: Colour, t: float) -> Colour:
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def shade(colour: Colour, factor: float) -> Colour:
    return tuple(max(0, min(255, round(c * factor))) for c in colour)


def vertical_gradient(size: tuple[int, int], top: Colour, bottom: Colour) -> Image.Image:
    # One column of pixels stretched sideways: far faster than drawing lines.
    width, height = size
    column = Image.new("RGB", (1, height))
    column.putdata([mix(top, bottom, y / max(1, height - 1)) for y in range(height)])
    return column.resize(size)


def sky(rng: random.Random) -> tuple[Image.Image, Colour, Colour]:
    top, horizon = rng.choice(SKIES)
    picture = vertical_gradient(CANVAS, top, horizon)
    draw = ImageDraw.Draw(picture)
    if rng.random() < 0.7:
        x, y, r = rng.randint(80, CANVAS[0] - 80), rng.randint(60, 220), rng.randint(18, 46)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=mix(horizon, (255, 246, 220), 0.7))
    return picture, top, horizon


def draw_skyline(rng: random.Random) -> Image.Image:
    picture, top, horizon = sky(rng)
    draw = ImageDraw.Draw(picture)
    width, height = CANVAS
    for layer in range(2):
        colour = shade(mix(top, (10, 10, 16), 0.6 + layer * 0.25), 1.0)
        x = -rng.randint(0, 40)
        while x < width:
            w = rng.randint(24, 70)
            h = rng.randint(60, 230) + layer * 30
            ground = height - round(height * 0.12)
            draw.rectangle((x, ground - h, x + w, height), fill=colour)
            if layer and rng.random() < 0.25:
                draw.line((x + w // 2, ground - h, x + w // 2, ground - h - rng.randint(15, 50)), fill=colour, width=3)
            if layer:
                for wy in range(ground - h + 8, ground - 6, 12):
                    for wx in range(x + 5, x + w - 6, 10):
                        if rng.random() < 0.18:
                            draw.rectangle((wx, wy, wx + 4, wy + 5), fill=(250, 214, 130))
            x += w + rng.randint(2, 12)
    # The river in front of the city reflects the sky.
    water_top = height - round(height * 0.12)
    water = vertical_gradient((width, height - water_top), shade(horizon, 0.55), shade(top, 0.4))
    picture.paste(water, (0, water_top))
    return picture


def draw_harbour(rng: random.Random) -> Image.Image:
    picture, top, horizon = sky(rng)
    draw = ImageDraw.Draw(picture)
    width, height = CANVAS
    sea_top = round(height * rng.uniform(0.55, 0.68))
    picture.paste(vertical_gradient((width, height - sea_top), shade(horizon, 0.7), shade(top, 0.5)), (0, sea_top))
    for y in range(sea_top + 6, height, 9):
        x = rng.randint(0, width)
        draw.line((x, y, x + rng.randint(30, 140), y), fill=shade(horizon, 0.9), width=1)
    dark = shade(top, 0.35)
    for _ in range(rng.randint(2, 4)):
        cx = rng.randint(40, width - 120)
        mast = rng.randint(120, 200)
        draw.rectangle((cx, sea_top - mast, cx + 8, sea_top), fill=dark)
        draw.line((cx - 40, sea_top - mast, cx + 110, sea_top - mast), fill=dark, width=6)
        draw.line((cx + 100, sea_top - mast, cx + 100, sea_top - mast + 60), fill=dark, width=2)
    for _ in range(rng.randint(1, 3)):
        bx, by = rng.randint(0, width - 200), rng.randint(sea_top + 15, height - 40)
        length = rng.randint(90, 200)
        draw.polygon([(bx, by), (bx + length, by), (bx + length - 20, by + 24), (bx + 14, by + 24)], fill=dark)
        draw.rectangle((bx + length // 3, by - 22, bx + length // 3 + 40, by), fill=shade(dark, 1.4))
    return picture


def draw_hills(rng: random.Random) -> Image.Image:
    picture, top, horizon = sky(rng)
    draw = ImageDraw.Draw(picture)
    width, height = CANVAS
    green = rng.choice([(58, 96, 60), (86, 104, 58), (70, 84, 96)])
    for layer in range(4):
        base = round(height * (0.45 + layer * 0.14))
        colour = mix(horizon, green, 0.35 + layer * 0.2)
        points = [(0, height)]
        for x in range(0, width + 40, 40):
            points.append((x, base - rng.randint(0, 60 - layer * 10)))
        points.append((width, height))
        draw.polygon(points, fill=colour)
    return picture.filter(ImageFilter.SMOOTH_MORE)


def draw_crowd(rng: random.Random) -> Image.Image:
    width, height = CANVAS
    base = rng.choice([(18, 14, 30), (30, 18, 16), (12, 24, 32)])
    picture = vertical_gradient(CANVAS, base, shade(base, 2.2))
    lights = Image.new("RGB", CANVAS, (0, 0, 0))
    draw = ImageDraw.Draw(lights)
    for _ in range(70):
        x, y, r = rng.randint(0, width), rng.randint(0, round(height * 0.7)), rng.randint(6, 30)
        colour = rng.choice([(255, 190, 90), (250, 120, 110), (120, 180, 255), (255, 240, 200)])
        draw.ellipse((x - r, y - r, x + r, y + r), fill=shade(colour, rng.uniform(0.3, 0.8)))
    picture = Image.blend(picture, Image.composite(lights, picture, lights.convert("L")), 0.8)
    picture = picture.filter(ImageFilter.GaussianBlur(6))
    draw = ImageDraw.Draw(picture)
    silhouette = (6, 6, 10)
    x = -20
    while x < width:
        r = rng.randint(14, 22)
        y = height - rng.randint(70, 120)
        draw.ellipse((x, y, x + 2 * r, y + 2 * r), fill=silhouette)
        draw.rounded_rectangle((x - 18, y + 2 * r - 4, x + 2 * r + 18, height + 20), radius=24, fill=silhouette)
        x += 2 * r + rng.randint(4, 22)
    return picture


def draw_stadium(rng: random.Random) -> Image.Image:
    width, height = CANVAS
    picture = vertical_gradient(CANVAS, (10, 14, 30), (40, 50, 80))
    draw = ImageDraw.Draw(picture)
    stands_bottom = round(height * 0.42)
    draw.rectangle((0, round(height * 0.22), width, stands_bottom), fill=(36, 36, 48))
    for _ in range(900):
        x, y = rng.randint(0, width), rng.randint(round(height * 0.22), stands_bottom)
        draw.point((x, y), fill=rng.choice([(200, 40, 50), (240, 240, 240), (40, 90, 200), (250, 200, 40)]))
    field = [(0, height), (width, height), (width - 60, stands_bottom), (60, stands_bottom)]
    draw.polygon(field, fill=(40, 120, 56))
    depth = height - stands_bottom
    for stripe in range(1, 12, 2):
        # Mowing stripes, narrowing with the pitch towards the stands.
        y0, y1 = stands_bottom + stripe * depth // 12, stands_bottom + (stripe + 1) * depth // 12
        inset0, inset1 = 60 * (height - y0) // depth, 60 * (height - y1) // depth
        draw.polygon([(inset0, y0), (width - inset0, y0), (width - inset1, y1), (inset1, y1)], fill=(46, 132, 62))
    draw.line((width // 2, stands_bottom, width // 2, height), fill=(230, 240, 230), width=3)
    draw.ellipse((width // 2 - 70, height - 150, width // 2 + 70, height - 60), outline=(230, 240, 230), width=3)
    for fx in (60, width - 60):
        draw.ellipse((fx - 26, 20, fx + 26, 52), fill=(255, 252, 230))
    return picture.filter(ImageFilter.GaussianBlur(1.2))


def draw_chart(rng: random.Random) -> Image.Image:
    width, height = CANVAS
    top = rng.choice([(14, 34, 52), (30, 22, 40), (20, 40, 34)])
    picture = vertical_gradient(CANVAS, top, shade(top, 2.4))
    draw = ImageDraw.Draw(picture)
    for y in range(60, height, 60):
        draw.line((0, y, width, y), fill=shade(top, 3.0), width=1)
    accent = rng.choice([(240, 180, 60), (90, 200, 160), (230, 90, 90)])
    bars = rng.randint(8, 14)
    step = width // bars
    level = rng.uniform(0.3, 0.6)
    points = []
    for i in range(bars):
        level = min(0.9, max(0.1, level + rng.uniform(-0.15, 0.17)))
        bar_top = height - round(level * height * 0.8)
        draw.rectangle((i * step + 10, bar_top, (i + 1) * step - 10, height), fill=shade(accent, 0.45))
        points.append((i * step + step // 2, bar_top - 20))
    draw.line(points, fill=accent, width=5, joint="curve")
    return picture.filter(ImageFilter.GaussianBlur(2))


SCENES: dict[str, Callable[[random.Random], Image.Image]] = {
    "Skyline": draw_skyline,
    "Harbour": draw_harbour,
    "Hills": draw_hills,
    "Crowd": draw_crowd,
    "Stadium": draw_stadium,
    "Markets": draw_chart,
}


def news_photo(scene: str, rng: random.Random) -> bytes:
    """A 1600×900 JPEG of the named scene."""
    picture = SCENES[scene](rng).resize(PHOTO_SIZE, Image.Resampling.BICUBIC)
    buffer = BytesIO()
    picture.save(buffer, "JPEG", quality=82, optimize=True)
    return buffer.getvalue()


def initials(name: str) -> str:
    # The built-in font has Latin letters only; "Анна Смирнова" becomes "AS".
    words = anyascii(name).split()
    return "".join(word[0] for word in words[:1] + words[-1:]).upper()


def portrait(name: str, rng: random.Random) -> bytes:
    """A square PNG: a head-and-shoulders outline with the person's initials."""
    background = rng.choice(PORTRAIT_BACKGROUNDS)
    size = PORTRAIT_SIZE
    picture = vertical_gradient((size, size), shade(background, 1.25), shade(background, 0.7))
    draw = ImageDraw.Draw(picture)
    figure = shade(background, 0.55)
    draw.ellipse((size * 0.32, size * 0.16, size * 0.68, size * 0.56), fill=figure)
    draw.rounded_rectangle((size * 0.14, size * 0.6, size * 0.86, size * 1.2), radius=size // 4, fill=figure)
    font = ImageFont.load_default(size=size // 6)
    draw.text((size / 2, size * 0.84), initials(name), font=font, fill=(250, 248, 240), anchor="mm")
    buffer = BytesIO()
    picture.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()

"""The demo's print side: a year of weekly editions with drawn PDFs, and places in two cities.

``create_print_demo`` is called once from ``create_demo``. Like the rest of
the demo it looks everything up by a natural key first (an edition's issue
number, a place's name and city), so a rerun adds only what is missing; the
footer's "Print" links are added once, on the run that creates the places.
Pages are drawn at 72 dpi with bars for body text, which keeps a year of
PDFs (and their covers, drawn by PDFium as for an upload) to a few seconds.
"""

import datetime
import functools
import random
from decimal import Decimal
from io import BytesIO

from django.core.files.base import ContentFile
from faker import Faker
from PIL import Image, ImageDraw, ImageFont

from broadsheet.articles.models import ArticlePage
from broadsheet.core.models import SiteSettings

from .models import DistributionKind, DistributionPoint, PrintEdition, PrintEditionArticle

WEEKS = 52
PRINT_WEEKDAY = 3  # Thursday
# Issue numbers count the Thursdays since the paper's first printed issue.
FIRST_ISSUE = datetime.date(1992, 1, 2)
PAGES = 4
PAGE_SIZE = (595, 842)  # A4 in points: one pixel per point at 72 dpi
INK = (20, 20, 20)
GREY = (175, 175, 170)
PAPER = (253, 252, 248)
ACCENT = (179, 18, 31)
STORIES_PER_EDITION = 5

# (city, Faker locale, centre latitude, centre longitude): the invented home
# city and the capital, whose places show Cyrillic names and addresses.
CITIES = [
    ("Fairwater", "en_GB", Decimal("54.3210"), Decimal("-2.7450")),
    ("Москва", "ru_RU", Decimal("55.7558"), Decimal("37.6173")),
]
PLACE_NAMES = {
    "en_GB": {
        DistributionKind.CAFE: ["Quayside Coffee", "The Copper Kettle", "Café Nord", "Mill Lane Espresso"],
        DistributionKind.HOTEL: ["Grand River Hotel", "The Harbour Inn"],
        DistributionKind.BUSINESS_CENTRE: ["Canal Tower Business Centre", "Fairwater Exchange"],
        DistributionKind.SHOP: ["Corner News & Wine", "Riverside Books"],
        DistributionKind.STATION: ["Fairwater Central Station"],
        DistributionKind.LIBRARY: ["Fairwater City Library"],
    },
    "ru_RU": {
        DistributionKind.CAFE: ["Кофейня «Утро»", "Café Pushkin Street", "Кафе «Самовар»"],
        DistributionKind.HOTEL: ["Гостиница «Северная»", "Hotel Tverskaya"],
        DistributionKind.BUSINESS_CENTRE: ["Бизнес-центр «Башня»", "БЦ «Белая площадь»"],
        DistributionKind.NEWSSTAND: ["Киоск у метро «Пушкинская»"],
        DistributionKind.STATION: ["Аэроэкспресс, Белорусский вокзал"],
    },
}
PLACE_NOTES = ["", "", "At the reception desk", "On the rack by the door", "Ask at the counter", "Weekdays only"]


def create_print_demo(seed: int, today: datetime.date, weeks: int = WEEKS) -> None:
    """A year of weekly editions up to ``today``, places in two cities, and the footer's Print links."""
    settings = site_settings()
    create_editions(seed, print_dates(today, weeks), settings.site_name if settings else "Broadsheet")
    if create_places(seed):
        add_footer_links()


def site_settings() -> SiteSettings | None:
    return SiteSettings.objects.filter(site__is_default_site=True).first()


def print_dates(today: datetime.date, weeks: int = WEEKS) -> list[datetime.date]:
    """The last ``weeks`` Thursdays up to ``today``, newest first."""
    latest = today - datetime.timedelta(days=(today.weekday() - PRINT_WEEKDAY) % 7)
    return [latest - datetime.timedelta(weeks=week) for week in range(weeks)]


def issue_number(date: datetime.date) -> int:
    return (date - FIRST_ISSUE).days // 7 + 1


def create_editions(seed: int, dates: list[datetime.date], site_name: str) -> None:
    existing = set(PrintEdition.objects.values_list("issue_number", flat=True))
    fake = Faker("en_US")
    for date in dates:
        number = issue_number(date)
        if number in existing:
            continue
        rng = random.Random(f"{seed}:edition:{number}")
        fake.seed_instance(f"{seed}:edition:{number}")
        stories = list(stories_of_the_week(date))
        # The default font draws Latin script only: other headlines are replaced on paper.
        headlines = [story.title if story.title.isascii() else made_up_headline(fake) for story in stories]
        headlines += [made_up_headline(fake) for _ in range(12)]
        edition = PrintEdition(
            issue_number=number,
            date=date,
            summary=f"{headlines[0].rstrip('.')}; also in this issue: {headlines[1].rstrip('.').lower()}.",
        )
        edition.pdf = ContentFile(edition_pdf(site_name, number, date, headlines, rng), name="edition.pdf")
        edition.save()
        PrintEditionArticle.objects.bulk_create(
            [
                PrintEditionArticle(edition=edition, article=story, print_page=1 + n // 2, sort_order=n)
                for n, story in enumerate(stories)
            ]
        )


def made_up_headline(fake: Faker) -> str:
    return fake.catch_phrase().capitalize()


def stories_of_the_week(date: datetime.date):
    """The week's stories an edition printed: the first few published in the seven days before it."""
    start = datetime.datetime.combine(date - datetime.timedelta(days=7), datetime.time.min, tzinfo=datetime.UTC)
    end = datetime.datetime.combine(date, datetime.time.min, tzinfo=datetime.UTC)
    return (
        ArticlePage.objects.published()
        .filter(first_published_at__gte=start, first_published_at__lt=end)
        .order_by("first_published_at", "pk")
        .only("pk", "title")[:STORIES_PER_EDITION]
    )


def edition_pdf(site_name: str, number: int, date: datetime.date, headlines: list[str], rng: random.Random) -> bytes:
    pages = [front_page(site_name, number, date, headlines, rng.randrange(LAYOUTS))]
    pages += [
        inside_page(site_name, page, date, headlines[page * 3 :], rng.randrange(LAYOUTS))
        for page in range(2, PAGES + 1)
    ]
    buffer = BytesIO()
    pages[0].save(buffer, "PDF", save_all=True, append_images=pages[1:], resolution=72, quality=70)
    return buffer.getvalue()


# Pages are drawn from a few cached layouts (pictures and bars of body text);
# each edition only writes its own masthead line and headlines on a copy.
LAYOUTS = 3
WIDTH = PAGE_SIZE[0]
LEAD_TOP, SECONDARY_TOPS, INSIDE_TOPS = 150, (575, 650, 725), (60, 320, 580)


@functools.cache
def font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.load_default(size=size)


@functools.cache
def front_layout(site_name: str, variant: int) -> Image.Image:
    rng = random.Random(f"front:{variant}")
    page = Image.new("RGB", PAGE_SIZE, PAPER)
    draw = ImageDraw.Draw(page)
    draw.text((WIDTH // 2, 58), site_name, fill=INK, font=font(40), anchor="mm")
    draw.line((30, 92, WIDTH - 30, 92), fill=INK, width=2)
    draw.line((30, 120, WIDTH - 30, 120), fill=INK, width=1)
    draw.rectangle((30, 130, WIDTH - 30, 138), fill=ACCENT)
    draw.rectangle((30, 235, WIDTH - 30, 470), fill=photo_colour(rng))
    columns(draw, (30, 485, WIDTH - 30, 560), rng)
    for top in SECONDARY_TOPS:
        columns(draw, (30, top + 28, WIDTH - 30, top + 68), rng)
    return page


@functools.cache
def inside_layout(variant: int) -> Image.Image:
    """An inside page, in greys only: a third of the data of colour, so quicker to compress."""
    rng = random.Random(f"inside:{variant}")
    page = Image.new("L", PAGE_SIZE, PAPER[0])
    draw = ImageDraw.Draw(page)
    draw.line((30, 44, WIDTH - 30, 44), fill=INK[0], width=1)
    for top in INSIDE_TOPS:
        if rng.random() < 0.5:
            draw.rectangle((30, top + 36, 290, top + 240), fill=photo_colour(rng)[1])
            columns(draw, (305, top + 36, WIDTH - 30, top + 240), rng, count=2)
        else:
            columns(draw, (30, top + 36, WIDTH - 30, top + 240), rng)
    return page


def front_page(site_name: str, number: int, date: datetime.date, headlines: list[str], variant: int) -> Image.Image:
    page = front_layout(site_name, variant).copy()
    draw = ImageDraw.Draw(page)
    draw.text((30, 100), f"No. {number}", fill=INK, font=font(13))
    draw.text((WIDTH - 30, 100), f"{date:%A, %-d %B %Y}", fill=INK, font=font(13), anchor="ra")
    wrapped(draw, headlines[0], (30, LEAD_TOP), WIDTH - 60, font(30), max_lines=2)
    for top, headline in zip(SECONDARY_TOPS, headlines[1:], strict=False):
        wrapped(draw, headline, (30, top), WIDTH - 60, font(18), max_lines=1)
    return page


def inside_page(site_name: str, number: int, date: datetime.date, headlines: list[str], variant: int) -> Image.Image:
    page = inside_layout(variant).copy()
    draw = ImageDraw.Draw(page)
    draw.text((30, 24), f"{number}", fill=INK[0], font=font(12))
    draw.text((WIDTH - 30, 24), f"{site_name} · {date:%-d %B %Y}", fill=INK[0], font=font(12), anchor="ra")
    for top, headline in zip(INSIDE_TOPS, headlines, strict=False):
        wrapped(draw, headline, (30, top), WIDTH - 60, font(22), max_lines=1, fill=INK[0])
    return page


def wrapped(
    draw: ImageDraw.ImageDraw, text: str, at: tuple[int, int], width: int, face, max_lines: int, fill=INK
) -> None:
    """Draw ``text`` word-wrapped to ``width`` in at most ``max_lines`` lines (the rest is dropped)."""
    x, y = at
    lines, line = [], ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if line and draw.textlength(trial, font=face) > width:
            lines.append(line)
            line = word
        else:
            line = trial
    lines.append(line)
    for number, line in enumerate(lines[:max_lines]):
        draw.text((x, y + number * (face.size + 6)), line, fill=fill, font=face)


def columns(draw: ImageDraw.ImageDraw, box: tuple[int, int, int, int], rng: random.Random, count: int = 3) -> None:
    """Grey bars standing in for body text, in ``count`` columns."""
    grey = GREY if draw.mode == "RGB" else GREY[0]
    left, top, right, bottom = box
    gap = 12
    column_width = (right - left - gap * (count - 1)) // count
    for column in range(count):
        x = left + column * (column_width + gap)
        for y in range(top, bottom - 4, 9):
            length = column_width if rng.random() > 0.12 else rng.randint(column_width // 3, column_width)
            draw.rectangle((x, y, x + length, y + 3), fill=grey)


def photo_colour(rng: random.Random) -> tuple[int, int, int]:
    return (rng.randint(60, 140), rng.randint(80, 150), rng.randint(100, 170))


def create_places(seed: int) -> bool:
    """The places of both cities; True if none existed before (a first run)."""
    first_run = not DistributionPoint.objects.exists()
    existing = {(point.name, point.city) for point in DistributionPoint.objects.all()}
    new = []
    for city, locale, latitude, longitude in CITIES:
        fake = Faker(locale)
        rng = random.Random(f"{seed}:places:{city}")
        fake.seed_instance(f"{seed}:places:{city}")
        for kind, names in PLACE_NAMES[locale].items():
            for name in names:
                offset = (Decimal(rng.randint(-300, 300)) / 10000, Decimal(rng.randint(-500, 500)) / 10000)
                address, notes = fake.street_address(), rng.choice(PLACE_NOTES)
                if (name, city) in existing:
                    continue
                new.append(
                    DistributionPoint(
                        name=name,
                        kind=kind,
                        address=address,
                        city=city,
                        latitude=latitude + offset[0],
                        longitude=longitude + offset[1],
                        notes=notes,
                    )
                )
    for point in new:
        point.save()
    return first_run and bool(new)


def add_footer_links() -> None:
    """The footer's "Print" group, as on the reference site: print editions and where to find the paper."""
    settings = site_settings()
    if settings is None:
        return
    if any(link["url"] == "/editions/" for group in settings.footer_links for link in group.value["links"]):
        return
    links = [{"label": "Print Editions", "url": "/editions/"}, {"label": "Where to find", "url": "/where-to-find/"}]
    print_group = {"type": "group", "value": {"heading": "Print", "links": links}}
    settings.footer_links = [*settings.footer_links.raw_data, print_group]
    settings.save()

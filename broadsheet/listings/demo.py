"""The demo's city guide: venues and a month of events, called from ``create_demo``.

``create_city_guide(command)`` uses what the command has already made (the
home page, the editor, the generated pictures, the seeded copywriter) and
appends its new pages to ``command.new_pages`` so they get the same bulk
revision history as the stories. Natural keys make a rerun add nothing:
the guide's slug under the home page, venue slugs, event slugs. Dates are
laid out from the day the guide is first made: a few tonight, the rest over
the next 30 days, some weekly, and some editor's picks. The guide joins the
menu (as "What's on") only when it is created, so an editor who removes it
keeps it removed.
"""

import datetime
import random
from decimal import Decimal

from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from django.utils.html import escape

from broadsheet.core.slugs import ascii_slugify
from broadsheet.core.timezones import site_zone
from broadsheet.sections.models import NavigationSettings

from .models import AgeRating, EventCategory, EventDate, EventPage, EventSchedule, ListingsIndexPage, Venue
from .schedules import Frequency

GUIDE_SLUG = "city-guide"
MENU_LABEL = "What's on"
ONE_OFF_EVENTS = 36
WEEKLY_EVENTS = 8
TONIGHT_EVENTS = 4
DAYS_AHEAD = 30
CITY = "Fairwater"
CENTRE = (Decimal("55.751200"), Decimal("37.617800"))
DISTRICTS = ["Old Town", "Riverside", "Harbour", "Station Quarter", "Northbank", "Заречье"]
VENUES = [
    ("The Quay Hall", "concerts"),
    ("Northbank Theatre", "theatre"),
    ("City Gallery of Modern Art", "exhibitions"),
    ("Regal Picturehouse", "cinema"),
    ("Little Lantern Puppet House", "kids"),
    ("Basement 17", "nightlife"),
    ("Market Street Kitchen", "food-and-drink"),
    ("Дом культуры «Заря»", "concerts"),
    ("Harbour Warehouse", "exhibitions"),
    ("The Green Room", "theatre"),
    ("Riverside Jazz Cellar", "nightlife"),
    ("Café Pushkin & Sons", "food-and-drink"),
]
TITLES = {
    "concerts": ["{name} Quartet plays Bach", "{adj} nights: {genre} showcase", "Choir of {city}: winter songs"],
    "theatre": ["“The {noun}” by {name}", "A {adj} Hamlet", "Improv night: {noun} edition"],
    "exhibitions": ["{name}: {noun} and light", "Photographs of the {adj} river", "Posters of the {decade}s"],
    "cinema": ["Film club: {name}'s “{noun}”", "Silent film with live piano", "{adj} shorts festival"],
    "kids": ["Puppets: the {adj} fox", "Science Saturday: {noun}s", "Storytime in two languages"],
    "nightlife": ["{genre} until late", "Vinyl night with DJ {name}", "Karaoke & {noun}s"],
    "food-and-drink": ["{adj} supper club", "Tasting: wines of the {noun} valley", "Pelmeni workshop"],
}
GENRES = ["jazz", "techno", "folk", "indie", "blues", "balkan brass"]
ADJECTIVES = ["Midwinter", "Velvet", "Northern", "Quiet", "Electric", "Golden", "Late"]
NOUNS = ["Lighthouse", "Orchard", "Bridge", "Stranger", "Ferry", "Garden", "Comet"]
SCENES = {
    "concerts": "Crowd",
    "theatre": "Crowd",
    "exhibitions": "Skyline",
    "cinema": "Skyline",
    "kids": "Hills",
    "nightlife": "Crowd",
    "food-and-drink": "Harbour",
}
EDITOR_PERMISSIONS = [
    "add_venue",
    "change_venue",
    "delete_venue",
    "add_eventcategory",
    "change_eventcategory",
    "import_events",
]


def create_city_guide(command) -> ListingsIndexPage:
    """Make (or find) the city guide, its venues and events; see the module docstring."""
    from broadsheet.demo.tree import ChildPages

    grant_editor_permissions()
    guide = ListingsIndexPage.objects.child_of(command.home).filter(slug=GUIDE_SLUG).first()
    created = guide is None
    if created:
        guide = ListingsIndexPage(
            title="City guide",
            slug=GUIDE_SLUG,
            intro="Concerts, theatre, exhibitions, films and food: what's on in Fairwater, chosen by our critics.",
            **command.published_at(command.now - datetime.timedelta(days=1)),
        )
        command.add_page(ChildPages(command.home), guide)
        add_to_menu(command.site, guide)
    venues = create_venues(command)
    planner = EventPlanner(command, guide, venues)
    planner.create_events()
    command.log(f"City guide: {len(venues)} venues, {planner.created} new events.")
    return guide


def grant_editor_permissions() -> None:
    permissions = Permission.objects.filter(content_type__app_label="listings", codename__in=EDITOR_PERMISSIONS)
    for group in Group.objects.filter(name__in=["Editors", "Moderators"]):
        group.permissions.add(*permissions)


def add_to_menu(site, guide: ListingsIndexPage) -> None:
    navigation = NavigationSettings.for_site(site)
    navigation.items.append(("guide", {"section": guide, "label": MENU_LABEL}))
    navigation.save()


def create_venues(command) -> list[Venue]:
    existing = {venue.slug: venue for venue in Venue.objects.all()}
    venues = []
    for number, (name, kind) in enumerate(VENUES):
        slug = ascii_slugify(name, max_length=90)
        venue = existing.get(slug)
        if venue is None:
            rng = command.writer.reseed("venue", number)
            fake = command.writer.fake
            venue = Venue.objects.create(
                name=name,
                slug=slug,
                address=fake.street_address(),
                district=rng.choice(DISTRICTS),
                city=CITY,
                latitude=CENTRE[0] + Decimal(rng.randint(-9000, 9000)) / 300000,
                longitude=CENTRE[1] + Decimal(rng.randint(-9000, 9000)) / 150000,
                website=f"https://{slug}.example.com/",
                phone=f"+7 495 {rng.randint(100, 999)}-{rng.randint(10, 99)}-{rng.randint(10, 99)}",
                opening_hours=rng.choice(["Tue–Sun 11:00–20:00", "Daily 10:00–22:00", "Thu–Sat 18:00–04:00"]),
                accessibility=rng.choice(
                    ["Step-free entrance and an accessible toilet.", "Hearing loop at the box office.", ""]
                ),
                image=rng.choice(command.pictures[SCENES[kind]]),
            )
        venues.append(venue)
    return venues


class EventPlanner:
    """Plans event n from its own seed, so reruns recognise it by its slug."""

    def __init__(self, command, guide: ListingsIndexPage, venues: list[Venue]) -> None:
        from broadsheet.demo.tree import ChildPages

        self.command = command
        self.guide = guide
        self.venues = venues
        self.categories = {category.slug: category for category in EventCategory.objects.all()}
        self.zone = site_zone()
        self.today = timezone.localtime(command.now, self.zone).date()
        self.existing = set(EventPage.objects.child_of(guide).values_list("slug", flat=True))
        self.children = ChildPages(guide)
        self.created = 0

    def create_events(self) -> None:
        total = TONIGHT_EVENTS + WEEKLY_EVENTS + ONE_OFF_EVENTS
        for number in range(total):
            rng = self.command.writer.reseed("event", number)
            title, kind = self.title(rng, number)
            slug = f"{ascii_slugify(title, max_length=80)}-{number + 1}"
            if slug in self.existing:
                continue
            page = self.event(rng, number, title, slug, kind)
            self.command.add_page(self.children, page)
            self.created += 1

    def title(self, rng: random.Random, number: int) -> tuple[str, str]:
        kind = list(TITLES)[number % len(TITLES)]
        fake = self.command.writer.fake_ru if number % 9 == 4 else self.command.writer.fake
        title = rng.choice(TITLES[kind]).format(
            name=fake.last_name(),
            adj=rng.choice(ADJECTIVES),
            noun=rng.choice(NOUNS),
            genre=rng.choice(GENRES),
            city=CITY,
            decade=rng.choice([1920, 1960, 1980]),
        )
        return title[0].upper() + title[1:], kind

    def event(self, rng: random.Random, number: int, title: str, slug: str, kind: str) -> EventPage:
        writer = self.command.writer
        free = rng.random() < 0.25
        venue_choices = [v for v, (_, venue_kind) in zip(self.venues, VENUES, strict=True) if venue_kind == kind]
        page = EventPage(
            title=title,
            slug=slug,
            category=self.categories[kind],
            venue=rng.choice(venue_choices or self.venues),
            description="".join(f"<p>{escape(writer.fake.paragraph(4))}</p>" for _ in range(rng.randint(1, 3))),
            is_free=free,
            price="" if free else f"₽{rng.choice([300, 500, 800, 1200, 2500])}",
            age_rating=AgeRating.ALL if kind == "kids" else rng.choice(["", "12+", "16+", "18+"]),
            image=rng.choice(self.command.pictures[SCENES[kind]]) if rng.random() < 0.8 else None,
            editors_pick=number % 7 == 0,
            tickets_url="" if free else f"https://tickets.example.com/{slug}/",
            **self.command.published_at(self.command.now - datetime.timedelta(hours=number + 1)),
        )
        start_time = datetime.time(rng.choice([11, 12, 18, 19, 19, 20, 21]), rng.choice([0, 30]))
        hours = rng.choice([1, 2, 2, 3])
        if number < TONIGHT_EVENTS:
            day, start_time = self.today, datetime.time(19 + number % 3, 0)
            page.dates = [self.date(day, start_time, hours)]
        elif number < TONIGHT_EVENTS + WEEKLY_EVENTS:
            first = self.today + datetime.timedelta(days=rng.randint(0, 6))
            end_time = (datetime.datetime.combine(first, start_time) + datetime.timedelta(hours=hours)).time()
            page.schedules = [
                EventSchedule(
                    frequency=Frequency.WEEKLY,
                    weekday=first.weekday(),
                    starts_on=first,
                    until=self.today + datetime.timedelta(days=DAYS_AHEAD),
                    start_time=start_time,
                    end_time=end_time,
                )
            ]
        else:
            day = self.today + datetime.timedelta(days=rng.randint(0, DAYS_AHEAD))
            dates = [self.date(day, start_time, hours)]
            if rng.random() < 0.3:  # a second performance the next day
                dates.append(self.date(day + datetime.timedelta(days=1), start_time, hours))
            page.dates = dates
        return page

    def date(self, day: datetime.date, start_time: datetime.time, hours: int) -> EventDate:
        start = datetime.datetime.combine(day, start_time, tzinfo=self.zone)
        return EventDate(starts_at=start, ends_at=start + datetime.timedelta(hours=hours))

"""Generated copy: headlines, standfirsts, story bodies, bios and company pages.

Faker supplies the names, places and filler sentences; small phrase lists
per beat make the headlines read like a newsroom's. Each story is written
from its own seed, so story 17 is the same story whatever ``--articles`` is,
and rerunning the command recognises what it made before.
"""

import random
import uuid

from django.utils.html import escape
from faker import Faker

from broadsheet.core.slugs import ascii_slugify

from .newsroom import AGENCIES, PHOTO_CREDITS, SITE_NAME

NEWS_SUBJECTS = [
    "City council",
    "Regional government",
    "The mayor's office",
    "The prosecutor's office",
    "The health department",
    "The teachers' union",
    "The fire service",
    "Election commission",
    "The police chief",
    "Transport authority",
]
NEWS_VERBS = ["approves", "delays", "rejects", "defends", "announces", "investigates", "scraps", "backs", "reviews"]
NEWS_OBJECTS = [
    "new tram line",
    "budget cuts",
    "school reform",
    "parking fees",
    "fire safety rules",
    "heating tariffs",
    "ban on street kiosks",
    "night-time construction",
    "hospital merger",
    "plan to rename {street}",
    "contract with {company}",
]
NEWS_TAILS = ["", "", " after {n} complaints", " despite protests", " ahead of winter", " in {city}", " for {n} weeks"]

BUSINESS = [
    "{company} posts record profit as demand grows",
    "{company} to cut {n} jobs at {city} plant",
    "{company} agrees takeover of {company2}",
    "Shares in {company} fall {n}% after profit warning",
    "{company} opens new warehouse on {street}",
    "Rents on {street} rise for the {nth} quarter running",
    "Small firms in {city} face higher energy bills",
    "{company} founder steps down after {n} years",
    "Central bank holds rates; {company} shrugs off the news",
    "Start-up {company} raises funds for delivery robots",
]
OPINION = [
    "Why {noun} matters more than we admit",
    "The city deserves better {noun}",
    "In defence of {noun}",
    "What the {noun} debate tells us about ourselves",
    "Let's stop pretending {noun} is someone else's problem",
    "{noun_cap} is not the answer",
    "A letter to whoever runs {street}",
    "We were wrong about {noun}",
]
OPINION_NOUNS = [
    "public transport",
    "cheap housing",
    "quiet streets",
    "local newspapers",
    "night buses",
    "city parks",
    "school meals",
    "street trees",
    "bicycle lanes",
    "small shops",
]
CITY = [
    "{street} to close for {n} weeks of roadworks",
    "New park opens on the site of the old {place}",
    "Residents of {street} fight plan for a {storeys}-storey tower",
    "The {place} reopens after a {n}-month restoration",
    "Night buses return to {city} routes",
    "Heating switched on early as cold snap hits",
    "Tram depot on {street} to become a market hall",
    "Volunteers plant {n} trees along the embankment",
]
ODDITIES = [
    "Escaped {animal} found asleep in a {place}",
    "{name} grows a record {vegetable}",
    "Library book returned {n} years late, with an apology",
    "Cat appointed honorary stationmaster at {street} stop",
    "Lost wedding ring found inside a {vegetable}",
    "{animal} holds up morning traffic on {street}",
    "Man builds working tram from {n} bicycles",
]
TOURNAMENT = [
    "{country} beat {country2} {score} in a tense opener",
    "Fan zone on {street} opens with {n},000 visitors",
    "{name} ruled out of {country}'s next match",
    "Tickets for {country} v {country2} sell out in {n} minutes",
    "{country} coach: “We came here to win”",
    "Extra trains to {street} for match day ⚽",
    "{country} and {country2} draw {score_draw}",
    "{country} fans take over {street} before the {stage}",
]
COUNTRIES = [
    "Argentina",
    "Brazil",
    "Canada",
    "Croatia",
    "Ecuador",
    "England",
    "France",
    "Germany",
    "Ghana",
    "Japan",
    "Mexico",
    "Morocco",
    "Netherlands",
    "Norway",
    "Portugal",
    "Senegal",
    "South Korea",
    "Spain",
    "Uruguay",
    "USA",
]
STAGES = ["round of 32", "round of 16", "quarter-final", "semi-final"]
STANDFIRSTS = [
    "The decision affects about {n},000 residents and will be reviewed in {month}.",
    "Officials say the work will be finished by {month}; critics are not convinced.",
    "{name}, who has lived on {street} for {n} years, says nobody asked the neighbours.",
    "It is the {nth} time this year the question has come up, and the answer is still unclear.",
    "Supporters call it overdue. Opponents have {n} days to appeal.",
    "What we know so far, and what happens next.",
    "The figures, published on {day}, surprised even those who expected bad news.",
]
# Short lines of our own, quoted in headlines.
QUOTES = ["We will not back down", "This is only the start", "Nobody asked us", "The numbers speak", "We are ready"]
LISTINGS = [
    "{n} exhibitions to see this weekend",
    "Where to eat {food} in {city}",
    "Concert guide: {n} nights at the {venue}",
    "The {venue} announces its winter programme",
    "Family weekend: puppets, skating and a {food} fair",
    "New café on {street} serves the city's best {food}",
]
PLACES = ["bakery", "railway station", "cinema", "bathhouse", "market hall", "lighthouse", "ferry terminal"]
ANIMALS = ["goat", "peacock", "tortoise", "parrot", "raccoon", "swan"]
VEGETABLES = ["pumpkin", "cabbage", "cucumber", "beetroot", "marrow"]
FOODS = ["dumplings", "pies", "noodles", "pancakes", "fish soup", "flatbreads"]
VENUES = ["Philharmonic", "Old Mill", "Riverside Hall", "Arsenal Gallery", "Puppet Theatre"]
# Short Russian lines of our own for headlines that mix scripts.
RUSSIAN_QUOTES = ["Это только начало", "Мы готовы ко всему", "Без комментариев", "Город — это люди", "Всё по плану"]
# Per generated scene (see pictures.SCENES), so captions describe the picture.
CAPTIONS = {
    "Skyline": [
        "The city skyline seen from {street} at dusk.",
        "Office towers along the river on {day} evening.",
        "Lights on in the {name} building as the working day ends.",
    ],
    "Harbour": [
        "Cranes at the {name} container terminal.",
        "The harbour seen from {street} early on {day}.",
        "A ferry leaves for {city}.",
    ],
    "Hills": [
        "The hills above {city} in late autumn.",
        "Farmland outside {city}, where the new road would run.",
        "The view from the {name} ridge.",
    ],
    "Crowd": [
        "Crowds on {street} on {day} evening.",
        "The audience at the {venue}.",
        "Queues outside the {venue} before the doors opened.",
    ],
    "Stadium": [
        "The stadium under floodlights before kick-off.",
        "The pitch at the {name} Arena on the eve of the match.",
        "Fans take their seats on {day}.",
    ],
    "Markets": [
        "Share prices on a trading screen on {day}.",
        "A chart of the {name} index over the past year.",
        "Quarterly figures, as presented to investors in {city}.",
    ],
}
FACT_TITLES = ["Key facts", "In numbers", "Timeline", "What we know", "How to take part"]
LINK_SITES = [("example.com", "Example Review"), ("example.org", "Civic Example"), ("example.net", "Example Data")]
HEADINGS = ["What happens next", "The background", "How we got here", "Reaction", "The numbers", "A closer look"]


def html_paragraph(text: str) -> str:
    return f"<p>{escape(text)}</p>"


class Copywriter:
    """Writes the demo's copy, reseeded per item so output never depends on order."""

    def __init__(self, seed: int) -> None:
        self.seed = seed
        self.fake = Faker("en_US")
        self.fake_ru = Faker("ru_RU")
        self.rng = random.Random(seed)

    def reseed(self, topic: str, number: int) -> random.Random:
        """Make the next draws depend only on (seed, topic, number); return the generator."""
        key = f"{self.seed}:{topic}:{number}"
        self.rng = random.Random(key)
        self.fake.seed_instance(key)
        self.fake_ru.seed_instance(key)
        return self.rng

    def block(self, block_type: str, value) -> dict:
        """A StreamField block in its stored form, with an id drawn from the seed too."""
        return {"type": block_type, "value": value, "id": str(uuid.UUID(int=self.rng.getrandbits(128), version=4))}

    # People

    def person_name(self, cyrillic: bool = False) -> str:
        fake = self.fake_ru if cyrillic else self.fake
        # Russian surnames agree with the first name's gender.
        if self.rng.random() < 0.5:
            return f"{fake.first_name_female()} {fake.last_name_female()}"
        return f"{fake.first_name_male()} {fake.last_name_male()}"

    def bio(self, name: str, role: str) -> str:
        first = name.split()[0]
        years = self.rng.randint(2, 25)
        return "".join(
            [
                f"<p><b>{escape(name)}</b> is {escape(SITE_NAME)}'s {escape(role.lower())} and has been with the paper "
                f"for {years} years.</p>",
                html_paragraph(f"Before that, {first} worked in {self.fake.city()}. {self.fake.paragraph(3)}"),
            ]
        )

    # Stories

    def headline(self, beat: str) -> str:
        rng, fake = self.rng, self.fake
        country, losing_goals = rng.choice(COUNTRIES), rng.randint(0, 1)
        slots = {
            "street": fake.street_name(),
            "city": fake.city(),
            "company": fake.last_name() + rng.choice([" Group", " & Sons", " Holdings", " Logistics", ""]),
            "company2": fake.last_name() + rng.choice([" Foods", " Energy", " Media"]),
            "n": rng.randint(2, 40),
            "nth": rng.choice(["third", "fourth", "fifth"]),
            "name": fake.name(),
            "place": rng.choice(PLACES),
            "animal": rng.choice(ANIMALS),
            "vegetable": rng.choice(VEGETABLES),
            "food": rng.choice(FOODS),
            "venue": rng.choice(VENUES),
            "country": country,
            "country2": rng.choice([c for c in COUNTRIES if c != country]),
            "stage": rng.choice(STAGES),
            "score": f"{losing_goals + rng.randint(1, 3)}–{losing_goals}",
            "score_draw": rng.choice(["0–0", "1–1", "2–2"]),
            "storeys": rng.randint(12, 40),
        }
        noun = rng.choice(OPINION_NOUNS)
        slots.update(noun=noun, noun_cap=noun.capitalize())
        if beat == "news":
            pattern = f"{rng.choice(NEWS_SUBJECTS)} {rng.choice(NEWS_VERBS)} {rng.choice(NEWS_OBJECTS)}"
            pattern += rng.choice(NEWS_TAILS)
        else:
            grammar = {
                "business": BUSINESS,
                "opinion": OPINION,
                "city": CITY,
                "oddities": ODDITIES,
                "tournament": TOURNAMENT,
                "listings": LISTINGS,
            }[beat]
            pattern = rng.choice(grammar)
        headline = pattern.format(**slots)
        return headline[0].upper() + headline[1:]

    def unicode_headline(self, headline: str, variant: int) -> str:
        """Dress a headline in the characters real copy brings: quotes, Cyrillic, emoji."""
        if variant == 0:
            return f"“{self.rng.choice(QUOTES)}”: {headline}"
        if variant == 1:
            return f"{headline}: «{self.rng.choice(RUSSIAN_QUOTES)}»"
        return f"{headline} {self.rng.choice(['🎉', '🚋', '🌧️', '📈'])}"

    def standfirst(self) -> str:
        fake, rng = self.fake, self.rng
        return rng.choice(STANDFIRSTS).format(
            n=rng.randint(2, 60),
            month=fake.month_name(),
            name=fake.name(),
            street=fake.street_name(),
            nth=rng.choice(["second", "third", "fourth"]),
            day=fake.day_of_week(),
        )

    def caption(self, scene: str) -> str:
        """A caption that matches what the generated picture shows."""
        fake, rng = self.fake, self.rng
        return rng.choice(CAPTIONS[scene]).format(
            street=fake.street_name(),
            city=fake.city(),
            name=fake.last_name(),
            day=fake.day_of_week(),
            venue=rng.choice(VENUES),
        )

    def photo_credit(self) -> str:
        return self.rng.choice(PHOTO_CREDITS)

    def paragraph(self, lead: bool = False) -> str:
        text = self.fake.paragraph(nb_sentences=self.rng.randint(3, 6))
        if lead:
            job = self.fake.job().lower()
            article = "an" if job[0] in "aeiou" else "a"
            text = f"{self.fake.name()}, {article} {job}, said on {self.fake.day_of_week()}: {text}"
        if self.rng.random() < 0.15:
            site = self.rng.choice(LINK_SITES)[0]
            return f'<p>{escape(text)} <a href="https://{site}/">Read the full report</a>.</p>'
        return html_paragraph(text)

    def story_body(self, block_types: list[str], pictures: dict[int, str]) -> list[dict]:
        """Raw StreamField data: paragraphs with the given special blocks woven in.

        ``pictures`` maps each image id to the scene it shows, for the captions.
        """
        body = [self.block("paragraph", self.paragraph(lead=True))]
        for block_type in block_types:
            for _ in range(self.rng.randint(1, 2)):
                body.append(self.block("paragraph", self.paragraph()))
            body.append(getattr(self, f"{block_type}_block")(pictures))
        body.append(self.block("paragraph", self.paragraph()))
        return body

    def heading_block(self, pictures: dict[int, str]) -> dict:
        return self.block("heading", {"text": self.rng.choice(HEADINGS), "level": self.rng.choice(["h2", "h2", "h3"])})

    def quote_block(self, pictures: dict[int, str]) -> dict:
        attribution = self.rng.choice([self.fake.name(), self.rng.choice(AGENCIES), f"{self.fake.name()}, lawyer"])
        return self.block("quote", {"text": self.fake.sentence(nb_words=18), "attribution": attribution})

    def image_block(self, pictures: dict[int, str]) -> dict:
        credit = self.photo_credit() if self.rng.random() < 0.3 else ""
        image = self.rng.choice(sorted(pictures))
        return self.block("image", {"image": image, "caption": self.caption(pictures[image]), "credit": credit})

    def fact_box_block(self, pictures: dict[int, str]) -> dict:
        items = "".join(f"<li>{escape(self.fake.sentence(nb_words=8))}</li>" for _ in range(self.rng.randint(3, 5)))
        return self.block("fact_box", {"title": self.rng.choice(FACT_TITLES), "body": f"<ul>{items}</ul>"})

    def link_card_block(self, pictures: dict[int, str]) -> dict:
        domain, site_name = self.rng.choice(LINK_SITES)
        title = self.fake.sentence(nb_words=6).rstrip(".")
        return self.block(
            "link_card",
            {
                "url": f"https://{domain}/{ascii_slugify(title)}/",
                "title": title,
                "summary": self.fake.sentence(nb_words=16),
                "site_name": site_name,
            },
        )

    # Company pages

    def company_body(self, topic: str) -> list[dict]:
        fake = self.fake
        if topic == "locations":
            points = "".join(
                f"<li>{escape(fake.street_address())}: {escape(self.rng.choice(['kiosk', 'café', 'library']))}</li>"
                for _ in range(8)
            )
            return [
                self.block("paragraph", html_paragraph(f"Our newsroom is at {fake.street_address()}, {fake.city()}.")),
                self.block("heading", {"text": "Where to pick up the print edition", "level": "h2"}),
                self.block("fact_box", {"title": "Distribution points", "body": f"<ul>{points}</ul>"}),
            ]
        if topic == "jobs":
            roles = ["Night news editor", "Data reporter", "Photo editor", "Audience producer"]
            listing = "".join(f"<li>{role}</li>" for role in self.rng.sample(roles, 3))
            return [
                self.block("paragraph", self.paragraph()),
                self.block("fact_box", {"title": "Open positions", "body": f"<ul>{listing}</ul>"}),
                self.block("paragraph", html_paragraph("Send a letter and three clips to jobs@example.com.")),
            ]
        if topic == "corrections":
            return [
                self.block(
                    "paragraph", html_paragraph("When we get something wrong, we fix it and say so under the story.")
                ),
                self.block("heading", {"text": "Reporting a mistake", "level": "h2"}),
                self.block(
                    "paragraph",
                    html_paragraph("Tell us what is wrong from the story page; an editor reads every report."),
                ),
                self.block("paragraph", self.paragraph()),
            ]
        return [self.block("paragraph", self.paragraph()) for _ in range(3)]

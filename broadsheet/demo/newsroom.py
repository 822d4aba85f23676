"""The invented paper the demo builds: its name, sections, desks, tags and pages.

Everything here is made up for the demo. Names of real publications, agencies
and people are deliberately avoided; web addresses use example domains or
obviously invented profile names.
"""

from dataclasses import dataclass

SITE_NAME = "The Fairwater Ledger"
TAGLINE = "Independent news from the river city, every day since 1992"
TIME_ZONE = "Europe/Moscow"
FOUNDING_YEAR = 1992
COPYRIGHT_HOLDER = "Fairwater Media Ltd"
AGE_RATING = "16+"
LEGAL_NOTICE = "\n".join(
    [
        "The Fairwater Ledger is an independent online daily published by Fairwater Media Ltd. "
        "Reuse of our stories and pictures needs written permission from the editors.",
        "Сетевое издание «Фэйрвотер Леджер». Учредитель — ООО «Фэйрвотер Медиа». "
        "Регистрационная запись Эл № 00-00000 (демонстрационная, не настоящая).",
        "This is a demonstration site: every story, name and picture on it is generated.",
    ]
)
# (network, address): the site's social profiles, shown in the footer's "Follow" group
SOCIAL_PROFILES = [
    ("facebook", "https://www.facebook.com/example-fairwater-ledger"),
    ("x", "https://x.com/example_fairwater"),
    ("instagram", "https://www.instagram.com/example.fairwater.ledger/"),
    ("telegram", "https://t.me/example_fairwater_ledger"),
]

EDITOR_USERNAME = "editor"
EDITOR_PASSWORD = "broadsheet-demo"
EDITOR_EMAIL = "editor@example.com"


@dataclass(frozen=True)
class Section:
    title: str
    intro: str
    beat: str  # which headline grammar content.Copywriter uses
    weight: int  # share of the generated stories
    nav_label: str = ""
    is_special: bool = False


SECTIONS = [
    Section("News", "What happened today in the city, the region and beyond.", "news", 34),
    Section("Business", "Companies, jobs, prices and the money behind the city.", "business", 15),
    Section("Opinion", "Columns and op-eds; the views are the writers' own.", "opinion", 12),
    Section("City", "Streets, neighbourhoods, transport and the people who keep the city going.", "city", 15),
    Section("Meanwhile…", "The stranger side of the news.", "oddities", 8, nav_label="Meanwhile…"),
    # The "С" below is Cyrillic (U+0421): real copy mixes scripts, and the
    # slug still has to come out as "world-cup-2026".
    Section(
        "World Сup 2026",
        "Matches, fan zones and the teams in town.",
        "tournament",
        8,
        nav_label="World Сup",
        is_special=True,
    ),
    Section("City Listings & Guide", "Exhibitions, concerts, food and what to do this week.", "listings", 8),
]

# A desk for each person: their role, and the beats they usually write for.
DESKS = [
    ("Editor-in-chief", ("news", "opinion")),
    ("Deputy editor", ("news", "city")),
    ("News reporter", ("news",)),
    ("News reporter", ("news",)),
    ("Political correspondent", ("news", "opinion")),
    ("Courts reporter", ("news", "city")),
    ("Business editor", ("business",)),
    ("Business correspondent", ("business",)),
    ("Markets reporter", ("business",)),
    ("Columnist", ("opinion",)),
    ("Columnist", ("opinion",)),
    ("Guest columnist", ("opinion",)),
    ("City editor", ("city",)),
    ("Transport reporter", ("city", "news")),
    ("Housing reporter", ("city",)),
    ("Features writer", ("oddities", "city")),
    ("Night editor", ("oddities", "news")),
    ("Sports editor", ("tournament",)),
    ("Football correspondent", ("tournament",)),
    ("Culture editor", ("listings",)),
    ("Food critic", ("listings",)),
    ("Photographer", ("city", "tournament")),
    ("Photographer", ("news", "listings")),
    ("Data reporter", ("business", "news")),
]
# A few staff names come from the Russian-speaking side of the newsroom, so
# Cyrillic names, slugs and initials get exercised too.
CYRILLIC_STAFF = {4, 11, 18}

AGENCIES = ["Northwire News Agency", "Meridian Press", "Staff and agencies", "Lanternfish Wire"]
PHOTO_CREDITS = [
    "Staff photographer",
    "Northwire News Agency",
    "Meridian Press / Pictures",
    "Lanternfish Wire",
    "Handout",
    "Courtesy of the city press office",
]

TAGS = [
    "City council",
    "Transport",
    "Housing",
    "Education",
    "Health",
    "Climate",
    "Elections",
    "Courts",
    "Police",
    "Economy",
    "Startups",
    "Energy",
    "Real estate",
    "Tourism",
    "Football",
    "Theatre",
    "Music",
    "Food & drink",
    "Architecture",
    "Weather",
    "Parks",
    "Technology",
    "Science",
    "Heritage",
    "Nightlife",
    "Café culture",
    "Метро",
    "Городская дума",
    "Выборы",
    "Погода",
    "Экономика",
    "Набережная",
    "Театр",
    "Футбол",
    "IT-парк",
    "Wi-Fi в метро",
    "Fan ID",
    "VIP-ложа",
    "SMS-рассылка",
    "Open data",
]
# Tags each beat draws from first; any tag may still turn up anywhere.
BEAT_TAGS = {
    "news": ["City council", "Elections", "Courts", "Police", "Health", "Education", "Выборы", "Городская дума"],
    "business": ["Economy", "Startups", "Energy", "Real estate", "Technology", "Экономика", "IT-парк", "Open data"],
    "opinion": ["City council", "Housing", "Climate", "Education", "Elections", "Heritage"],
    "city": ["Transport", "Housing", "Parks", "Weather", "Метро", "Wi-Fi в метро", "Набережная", "Погода"],
    "oddities": ["Weather", "Parks", "Science", "Nightlife", "SMS-рассылка"],
    "tournament": ["Football", "Футбол", "Fan ID", "VIP-ложа", "Tourism"],
    "listings": ["Theatre", "Театр", "Music", "Food & drink", "Café culture", "Nightlife", "Architecture"],
}


@dataclass(frozen=True)
class CompanyPageSpec:
    title: str
    summary: str
    topic: str  # which body content.Copywriter writes


COMPANY_PAGES = [
    CompanyPageSpec("About us", "Who we are, who owns us and how we work.", "about"),
    CompanyPageSpec("Jobs", "Open positions in the newsroom and beyond.", "jobs"),
    CompanyPageSpec("Privacy policy", "What we collect when you read us, and why.", "privacy"),
    CompanyPageSpec("Corrections policy", "How we fix our mistakes, in the open.", "corrections"),
    CompanyPageSpec("Where to find us", "Our office, and where to pick up the print edition.", "locations"),
]

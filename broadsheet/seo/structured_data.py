"""schema.org descriptions (JSON-LD) of stories, sections, authors and the publication.

Types and properties follow schema.org and Google's article and breadcrumb
documentation: a story is a ``NewsArticle``, or the ``OpinionNewsArticle`` /
``AnalysisNewsArticle`` its kind says; its publisher is the
``NewsMediaOrganization`` described on the home page.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from broadsheet.core.templatetags.broadsheet_tags import iso_utc

CONTEXT = "https://schema.org"
ARTICLE_TYPES = {"opinion": "OpinionNewsArticle", "analysis": "AnalysisNewsArticle"}
# Inside <script> only "</script>" (and "<!--") can end the element early;
# escaping every <, > and & as \\u escapes makes that impossible and stays
# valid JSON. U+2028/9 are escaped for JavaScript parsers that read it as code.
SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026", 0x2028: "\\u2028", 0x2029: "\\u2029"}


def json_ld_script(data: dict) -> SafeString:
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":"))
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text.translate(SCRIPT_ESCAPES)))


def organization(publication) -> dict:
    data = {
        "@type": "NewsMediaOrganization",
        "@id": publication.root_url + "/#publisher",
        "name": publication.name,
        "url": publication.root_url + "/",
        "logo": publication.logo.as_image_object(),
    }
    if publication.same_as:
        data["sameAs"] = publication.same_as
    return data


def home_page(publication) -> list[dict]:
    website = {
        "@context": CONTEXT,
        "@type": "WebSite",
        "@id": publication.root_url + "/#website",
        "name": publication.name,
        "url": publication.root_url + "/",
        "inLanguage": publication.language,
        "publisher": {"@id": publication.root_url + "/#publisher"},
    }
    if publication.description:
        website["description"] = publication.description
    return [website, {"@context": CONTEXT, **publication.organization}]


def breadcrumbs(trail: list[tuple[str, str]]) -> dict:
    """A ``BreadcrumbList`` of ``(name, absolute URL)`` from the home page down."""
    return {
        "@context": CONTEXT,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, (name, url) in enumerate(trail, start=1)
        ],
    }


def article(story, publication) -> dict:
    """``story`` is a ``metadata.Story``: the article with its URLs and pictures resolved."""
    page = story.page
    authors = [{"@type": "Person", "name": person.name, "url": url} for person, url in story.authors]
    if page.byline_credit:
        authors.append({"@type": "Organization", "name": page.byline_credit})
    data = {
        "@context": CONTEXT,
        "@type": ARTICLE_TYPES.get(page.kind, "NewsArticle"),
        "headline": page.title,
        "description": story.description,
        "url": story.url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": story.url},
        "author": authors or [{"@id": publication.root_url + "/#publisher"}],
        "publisher": publication.organization,
        "image": [picture.as_image_object() for picture in story.pictures],
        "inLanguage": publication.language,
        "isAccessibleForFree": True,
    }
    if page.first_published_at:
        data["datePublished"] = iso_utc(page.first_published_at)
        data["dateModified"] = iso_utc(story.modified_at)
    if story.section:
        data["articleSection"] = story.section.title
    if story.tags:
        data["keywords"] = story.tags
    return data


def profile_page(person, url: str) -> dict:
    data = {"@type": "Person", "name": person.name, "url": url}
    if person.role:
        data["jobTitle"] = person.role
    same_as = [profile.value["url"] for profile in person.social_links if profile.value["url"].startswith("http")]
    if same_as:
        data["sameAs"] = same_as
    return {"@context": CONTEXT, "@type": "ProfilePage", "url": url, "mainEntity": data}

"""Template tags every reader-facing page uses: times, datelines, canonical URLs.

``{% load broadsheet_tags %}`` gives:

- ``value|relative_time``: “52 minutes ago”, the wording of ``core.relative_time``.
- ``value|iso_utc``: ``2017-11-08T06:38:00Z`` for a ``<time datetime>``.
- ``{% time_ago value %}``: a ``<time>`` element with the relative wording,
  which ``relative-times.js`` keeps current.
- ``{% dateline published updated %}``: “Nov 8, 2017 — 09:38 — Update: 10:01”.
- ``{% canonical_url %}``: the absolute address of the current page.
- ``{% footer_groups site_settings follow_links as groups %}``: the footer's link
  groups, the social profiles and ``follow_links`` (the feeds) in the “Follow” group.
- ``profile.network|social_network_label``: “Facebook” for ``facebook``.
"""

import datetime
from functools import cache

from django import template
from django.utils import dateformat, timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.models import Site

from broadsheet.core import relative_time as relative_time_module
from broadsheet.core.blocks import SocialProfileBlock

register = template.Library()


@register.filter
def relative_time(value: datetime.datetime | None) -> str:
    if not value:
        return ""
    return relative_time_module.relative_time(value)


@register.filter
def iso_utc(value: datetime.datetime | None) -> str:
    if not value:
        return ""
    if timezone.is_naive(value):
        value = timezone.make_aware(value)
    return value.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@register.inclusion_tag("includes/time_ago.html")
def time_ago(value: datetime.datetime | None, css_class: str = "") -> dict:
    """The relative time, with the date it turns into after a week ready for the script."""
    return {
        "value": value,
        "text": relative_time(value),
        "date_text": relative_time_module.absolute_date(value) if value else "",
        "css_class": css_class,
    }


# The dateline's wording: "Nov 8, 2017 — 09:38", then "— Update: 10:01" (or "Nov 9, 10:01").
DATELINE_FORMAT = "M j, Y — H:i"
UPDATE_SAME_DAY_FORMAT = "H:i"
UPDATE_OTHER_DAY_FORMAT = "M j, H:i"


@register.simple_tag
def dateline(published: datetime.datetime | None, updated: datetime.datetime | None = None) -> str:
    """Publication time and, when there is one, the significant update, in the site's time zone.

    The update shows its date only when it falls on another day than the
    publication. Written here rather than in a template: every story page
    and every teaser of a bake has one (some 30,000 for 10,000 stories), and
    an included template cost five times as much.
    """
    if not published:
        return ""
    local = timezone.template_localtime(published)  # as the |date filter does
    html = format_html(
        '<span class="dateline"><time class="dateline__published" datetime="{}">{}</time>',
        iso_utc(published),
        dateformat.format(local, DATELINE_FORMAT),
    )
    if updated:
        local_update = timezone.template_localtime(updated)
        wording = UPDATE_SAME_DAY_FORMAT if local_update.date() == local.date() else UPDATE_OTHER_DAY_FORMAT
        html += format_html(
            '<span class="dateline__update"> — Update: <time datetime="{}">{}</time></span>',
            iso_utc(updated),
            dateformat.format(local_update, wording),
        )
    return mark_safe(html + "</span>")  # both parts built by format_html


@register.simple_tag(takes_context=True)
def canonical_url(context: template.Context, path: str | None = None) -> str:
    """``path`` (default: the current one) under the site's root URL, like Wagtail's full URLs."""
    request = context.get("request")
    if request is None:
        return ""
    path = path or request.path
    site = Site.find_for_request(request)
    if site is not None:
        return site.root_url + path
    return request.build_absolute_uri(path)


FOLLOW_HEADING = "Follow"


@register.simple_tag
def footer_groups(site_settings, follow_links=()) -> list[dict]:
    """The footer's link groups, each ``{"heading", "links": [{"label", "url", "rel"?, "type"?}]}``.

    The social profiles, then ``follow_links`` (the site's feeds, from
    ``feed_tags.follow_feed_links``), go into the group headed “Follow”: an
    editor's own group of that name keeps its place and its links (print
    editions, RSS) and gains those it does not list yet; without one, a
    “Follow” group comes last.
    """
    groups = [
        {"heading": group.value["heading"], "links": [dict(link) for link in group.value["links"]]}
        for group in site_settings.footer_links
    ]
    profiles = [
        {"label": social_network_label(profile.value["network"]), "url": profile.value["url"], "rel": "me"}
        for profile in site_settings.social_profiles
    ]
    profiles += [dict(link) for link in follow_links]
    if not profiles:
        return groups
    follow = next((g for g in groups if g["heading"].strip().casefold() == FOLLOW_HEADING.casefold()), None)
    if follow is None:
        follow = {"heading": FOLLOW_HEADING, "links": []}
        groups.append(follow)
    listed = {link["url"] for link in follow["links"]}
    follow["links"] += [profile for profile in profiles if profile["url"] not in listed]
    return groups


@cache
def _social_network_labels() -> dict[str, str]:
    return {str(value): str(label) for value, label in SocialProfileBlock.base_blocks["network"].field.choices}


@register.filter
def social_network_label(network: str) -> str:
    return _social_network_labels().get(network, network)

"""“52 minutes ago”: how the ticker and lists say when a story appeared.

The wording is mirrored in ``static/broadsheet/js/relative-times.js``, which
recomputes it every minute in the reader's browser; change both together.
A baked or cached page therefore never shows a stale “just now” for long, and
without JavaScript the server-rendered wording is still right when served.
"""

import datetime

from django.utils import dateformat, timezone

# After a week a relative time stops helping the reader: show the date.
DATE_AFTER_DAYS = 7
DATE_FORMAT = "M j, Y"


def relative_time(value: datetime.datetime, now: datetime.datetime | None = None) -> str:
    """``value`` relative to ``now`` (default: the current time), in words.

    Under a minute (or in the future, a clock running ahead): “just now”;
    then whole minutes, hours and days, rounded down; from seven days on,
    the date in the active time zone, e.g. “Nov 8, 2017”.
    """
    now = now or timezone.now()
    seconds = int((now - value).total_seconds())
    if seconds < 60:
        return "just now"
    minutes = seconds // 60
    if minutes < 60:
        return _ago(minutes, "minute")
    hours = minutes // 60
    if hours < 24:
        return _ago(hours, "hour")
    days = hours // 24
    if days < DATE_AFTER_DAYS:
        return _ago(days, "day")
    return absolute_date(value)


def absolute_date(value: datetime.datetime) -> str:
    """The date shown once a time is too old to be relative, in the active time zone."""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return dateformat.format(value, DATE_FORMAT)


def _ago(count: int, unit: str) -> str:
    return f"{count} {unit}{'' if count == 1 else 's'} ago"

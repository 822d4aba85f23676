"""Pages that change with the date, rebaked when the newsroom's day turns.

Some pages are computed from "today" when rendered (the city guide's tonight,
weekend and week lists): a baked copy is right until midnight in the site's
zone. Apps name those URLs with the ``broadsheet_bake_daily_urls`` hook (a
function of the new date returning paths); ``broadsheet worker`` calls
``rebake_if_new_day`` with each run of the schedule, so they are redone within
a schedule interval of midnight instead of waiting for the hourly full bake.
"""

import datetime
import logging

from django.utils import timezone
from wagtail import hooks

from broadsheet.core.timezones import site_zone

logger = logging.getLogger("broadsheet.publishing")


def daily_urls(today: datetime.date) -> list[str]:
    """Every path whose content depends on the date, as the apps name them."""
    urls: list[str] = []
    for daily in hooks.get_hooks("broadsheet_bake_daily_urls"):
        urls.extend(daily(today))
    return list(dict.fromkeys(urls))


class DayWatch:
    """Remembers the newsroom's date and queues the date-dependent rebake when it changes."""

    def __init__(self) -> None:
        self.day: datetime.date | None = None

    def rebake_if_new_day(self) -> bool:
        from .tasks import rebake_task

        today = timezone.localdate(timezone.now(), site_zone())
        if self.day is None or today == self.day:
            # On start the last full bake is taken as current: the worker
            # starts one within the full-bake interval anyway.
            self.day = today
            return False
        self.day = today
        urls = daily_urls(today)
        logger.info("A new day (%s): rebaking %d date-dependent URLs", today.isoformat(), len(urls))
        if urls:
            rebake_task.enqueue(urls=urls, keys=[], reason=f"a new day, {today.isoformat()}")
        return True

"""Background work, run by ``broadsheet worker`` (Django's tasks framework, django-tasks).

Rebakes of what readers see have a queue of their own, which the worker
drains in a thread of its own (``queue.MergingWorker``): a reader waits for
a rebake, nobody waits for Wagtail's search and reference index updates or
for the sitemaps only crawlers read, so a rebake never queues behind those.
They stay on the default queue, as does a full bake: it takes minutes, and
rebakes made meanwhile are replayed into its build
(``bake.Baker.replay_journal``).
"""

import inspect
from typing import TYPE_CHECKING

from django_tasks import task

if TYPE_CHECKING:
    from .publish import RebakeSummary

PUBLISHING_QUEUE = "publishing"


@task(queue_name=PUBLISHING_QUEUE)
def rebake_task(
    urls: list[str], keys: list[str], shift: bool = False, reason: str = "", part: str | None = None
) -> dict:
    """Rebake ``urls`` and the URLs depending on ``keys`` into the live build (``part``: see ``publish.rebake``)."""
    from .publish import rebake

    return summary_values(rebake(urls, keys, shift=shift, reason=reason, part=part))


def summary_values(summary: "RebakeSummary") -> dict:
    """What a rebake task returns (stored with its result)."""
    return {
        "written": len(summary.written),
        "redirected": len(summary.redirected),
        "removed": len(summary.removed),
        "seconds": round(summary.seconds, 3),
        "cpu_seconds": round(summary.cpu_seconds, 3),
    }


def merged_rebake_arguments(calls: list[tuple[list, dict]]) -> dict:
    """One rebake's arguments for several queued ``rebake_task`` calls (args, kwargs).

    The union of their URLs and keys, first seen first; a shift if any shifts;
    their ``part`` if they share it, else both parts.
    """
    signature = inspect.signature(rebake_task.func)
    merged: dict = {"urls": [], "keys": [], "shift": False, "reason": ""}
    reasons, parts = [], set()
    for args, kwargs in calls:
        bound = signature.bind(*args, **kwargs)
        bound.apply_defaults()
        call = bound.arguments
        merged["urls"] += [url for url in call["urls"] if url not in merged["urls"]]
        merged["keys"] += [key for key in call["keys"] if key not in merged["keys"]]
        merged["shift"] |= bool(call["shift"])
        parts.add(call["part"])
        if call["reason"] and call["reason"] not in reasons:
            reasons.append(call["reason"])
    merged["reason"] = "; ".join(reasons)
    merged["part"] = parts.pop() if len(parts) == 1 else None
    return merged


@task()
def full_bake_task(reason: str = "") -> dict:
    """Bake everything into a new build and switch to it (a setting changed)."""
    from .bake import Baker
    from .layout import live_dir

    if live_dir() is None:
        return {"skipped": "nothing baked yet"}
    summary = Baker().run()
    return {"pages": summary.pages, "seconds": round(summary.seconds, 1), "reason": reason}

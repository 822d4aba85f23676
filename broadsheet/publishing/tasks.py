"""Background work, run by ``broadsheet worker`` (Django's tasks framework, django-tasks)."""

from django_tasks import task


@task()
def rebake_task(urls: list[str], keys: list[str], shift: bool = False, reason: str = "") -> dict:
    """Rebake ``urls`` and the URLs depending on ``keys`` into the live build."""
    from .publish import rebake

    summary = rebake(urls, keys, shift=shift, reason=reason)
    return {
        "written": len(summary.written),
        "redirected": len(summary.redirected),
        "removed": len(summary.removed),
        "seconds": round(summary.seconds, 3),
        "cpu_seconds": round(summary.cpu_seconds, 3),
    }


@task()
def full_bake_task(reason: str = "") -> dict:
    """Bake everything into a new build and switch to it (a setting changed)."""
    from .bake import Baker
    from .layout import live_dir

    if live_dir() is None:
        return {"skipped": "nothing baked yet"}
    summary = Baker().run()
    return {"pages": summary.pages, "seconds": round(summary.seconds, 1), "reason": reason}

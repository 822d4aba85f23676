"""Turn edits into rebakes: each change names the URLs and record keys it touches.

Changes made in one transaction (a publish saves the page, its revision,
its tags and authors) are gathered and enqueued as one task when the
transaction commits. Nothing happens before the first full bake.
"""

import datetime
import logging
import threading

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import layout
from .lists import list_front_urls, list_keys_for_article
from .models import BakedDependency
from .publish import TICKER_URL
from .record import model_key_prefix, object_key

logger = logging.getLogger("broadsheet.publishing")
_pending = threading.local()
REBAKE_PRIORITY = 50


def schedule(urls=(), keys=(), shift: bool = False, full: bool = False, reason: str = "") -> None:
    state = getattr(_pending, "state", None)
    if state is None:
        state = _pending.state = {"urls": [], "keys": set(), "shift": False, "full": False, "reasons": []}
    state["urls"] += [url for url in urls if url and url not in state["urls"]]
    state["keys"] |= set(keys)
    state["shift"] |= shift
    state["full"] |= full
    if reason and reason not in state["reasons"]:
        state["reasons"].append(reason)
    # Registered each time: a rolled-back transaction drops its callback, and
    # whichever flush runs first takes everything gathered so far.
    transaction.on_commit(flush)


def flush() -> None:
    from django_tasks.base import DEFAULT_TASK_QUEUE_NAME

    from .publish import CRAWLERS, READERS
    from .tasks import full_bake_task, rebake_task

    state = getattr(_pending, "state", None)
    if state is None:
        return
    del _pending.state
    reason = "; ".join(state["reasons"])
    # Rebakes have a queue of their own (tasks.PUBLISHING_QUEUE) that the
    # worker drains in its own thread; the priority puts a full bake ahead of
    # Wagtail's index updates on the default queue.
    if state["full"]:
        full_bake_task.using(priority=REBAKE_PRIORITY).enqueue(reason)
    elif state["urls"] or state["keys"]:
        arguments = (state["urls"], sorted(state["keys"]), state["shift"], reason)
        rebake_task.using(priority=REBAKE_PRIORITY).enqueue(*arguments, READERS)
        # The sitemaps only crawlers read wait beside Wagtail's index updates,
        # ahead of them, and for BROADSHEET_CRAWLER_SITEMAPS_DELAY seconds: a
        # burst of publishes (breaking news) then shares one rebake of them,
        # which no longer runs beside each readers' rebake in the worker.
        crawlers = rebake_task.using(queue_name=DEFAULT_TASK_QUEUE_NAME, priority=REBAKE_PRIORITY)
        if crawlers.get_backend().supports_defer and settings.BROADSHEET_CRAWLER_SITEMAPS_DELAY:
            delay = datetime.timedelta(seconds=settings.BROADSHEET_CRAWLER_SITEMAPS_DELAY)
            crawlers = crawlers.using(run_after=timezone.now() + delay)
        crawlers.enqueue(*arguments, CRAWLERS)


def page_path(page: Page) -> str | None:
    try:
        return page.specific_deferred.get_url() or None
    except Exception:  # never let a URL lookup break the editor's publish
        logger.warning("No URL to rebake for page %s", page.pk, exc_info=True)
        return None


def changes_for_page(page: Page, shift: bool, reason: str) -> None:
    from broadsheet.articles.models import ArticlePage
    from broadsheet.home.models import HomePage
    from broadsheet.sections.models import SectionPage

    specific = page.specific_deferred
    if isinstance(specific, SectionPage):
        # Its title is in the menu on every page, its slug in every story's URL.
        schedule(full=True, reason=reason)
        return
    urls = [page_path(specific)]
    if isinstance(specific, HomePage):
        schedule(urls, reason=reason)  # its picks show nowhere else
        return
    keys = {f"page:{page.pk}"}
    if isinstance(specific, ArticlePage):
        # The fronts of its lists by name, as well as by record: a new tag
        # or a first story of the day has a front nothing has baked yet.
        urls += [TICKER_URL, *list_front_urls(specific)]
        keys |= list_keys_for_article(specific)
    schedule(urls, keys, shift=shift, reason=reason)


def rebake_on_page_published(sender, instance: Page, **kwargs) -> None:
    if layout.live_dir() is not None:
        changes_for_page(instance, shift=False, reason=f"published {instance.title!r}")


def rebake_on_page_unpublished(sender, instance: Page, **kwargs) -> None:
    if layout.live_dir() is not None:
        changes_for_page(instance, shift=True, reason=f"unpublished {instance.title!r}")


def rebake_on_page_deleted(sender, instance, **kwargs) -> None:
    if isinstance(instance, Page) and type(instance) is not Page and instance.live and layout.live_dir():
        changes_for_page(instance, shift=True, reason=f"deleted {instance.title!r}")


def rebake_on_page_moved(sender, instance: Page, url_path_before: str, url_path_after: str, **kwargs) -> None:
    if url_path_before == url_path_after or layout.live_dir() is None:
        return
    if instance.get_children_count():
        schedule(full=True, reason=f"moved {instance.title!r} and its subpages")
        return
    # The old address is in the record (the page rendered itself there) and
    # now answers with the redirect Wagtail made.
    changes_for_page(instance, shift=True, reason=f"moved {instance.title!r}")


def rebake_on_object_changed(sender, instance, raw: bool = False, **kwargs) -> None:
    if raw or isinstance(instance, Page):
        return
    if model_key_prefix(sender) is None and not issubclass(sender, BaseSiteSetting | BaseGenericSetting | Redirect):
        return  # never shown by a page (plumbing, the record itself): no look at the disk
    if layout.live_dir() is None:
        return
    if isinstance(instance, BaseSiteSetting | BaseGenericSetting):
        schedule(full=True, reason=f"changed {instance._meta.verbose_name}")
    elif isinstance(instance, Redirect):
        path = instance.old_path
        schedule([path if path.endswith("/") or "." in path.rsplit("/", 1)[-1] else f"{path}/"], reason="redirect")
    elif (key := object_key(instance)) and BakedDependency.objects.filter(key=key).exists():
        schedule(keys=[key], shift=kwargs.get("signal") is post_delete, reason=f"changed {instance}")


def register_signal_handlers() -> None:
    page_published.connect(rebake_on_page_published, dispatch_uid="broadsheet_rebake_published")
    page_unpublished.connect(rebake_on_page_unpublished, dispatch_uid="broadsheet_rebake_unpublished")
    pre_delete.connect(rebake_on_page_deleted, dispatch_uid="broadsheet_rebake_page_deleted")
    post_page_move.connect(rebake_on_page_moved, dispatch_uid="broadsheet_rebake_moved")
    post_save.connect(rebake_on_object_changed, dispatch_uid="broadsheet_rebake_saved")
    post_delete.connect(rebake_on_object_changed, dispatch_uid="broadsheet_rebake_deleted")

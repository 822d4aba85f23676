"""The worker runs queued tasks and Wagtail's publishing schedule."""

import datetime

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from broadsheet.articles.models import ArticlePage
from broadsheet.publishing.tasks import rebake_task

from .conftest import baked_file

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


# Transactional: the database queue takes an exclusive lock. Serialized rollback
# restores the content types that the browser tests expect afterwards.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_worker_runs_a_queued_rebake(baked, settings):
    settings.TASKS = DATABASE_QUEUE
    page = baked_file(baked.live, "/news/")
    page.unlink()
    result = rebake_task.enqueue(["/news/"], [])
    assert DBTaskResult.objects.get(id=result.id).status == "READY"

    call_command("worker", "--once")

    assert DBTaskResult.objects.get(id=result.id).status == "SUCCESSFUL"
    assert page.is_file()


def test_scheduled_stories_go_live_and_are_baked_when_the_schedule_runs(
    baked, rebakes, django_capture_on_commit_callbacks
):
    written = timezone.now()
    go_live = written + datetime.timedelta(hours=2)
    with time_machine.travel(written, tick=False):
        article = baked.news.add_child(instance=ArticlePage(title="Polls open at seven", live=False))
        article.go_live_at = go_live
        article.save_revision().publish()  # scheduled, not live

    with time_machine.travel(go_live - datetime.timedelta(minutes=1), tick=False):
        call_command("worker", "--once")
    article.refresh_from_db()
    assert not article.live and rebakes == []

    with time_machine.travel(go_live + datetime.timedelta(seconds=30), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            call_command("worker", "--once")
    article.refresh_from_db()
    assert article.live
    assert article.url in rebakes[0].written
    assert "Polls open at seven" in baked_file(baked.live, article.url).read_text()
    assert "Polls open at seven" in baked_file(baked.live, "/news/").read_text()

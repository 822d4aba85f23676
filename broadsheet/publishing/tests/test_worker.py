"""The worker runs queued tasks and Wagtail's publishing schedule."""

import datetime
import os
import signal
import threading

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone
from django_tasks import task
from django_tasks.signals import task_finished
from django_tasks_db.models import DBTaskResult

from broadsheet.articles.models import ArticlePage
from broadsheet.publishing.tasks import merged_rebake_arguments, rebake_task

from .conftest import baked_file

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "publishing"]}}


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


# A stand-in for Wagtail's search-index update: a default-queue task that is
# still running when a publish queues its rebake.
rebake_finished = threading.Event()
seen_while_running: list[bool] = []


@task()
def slow_index_task() -> None:
    rebake_task.enqueue(["/news/"], [], reason="published while the index updates")
    seen_while_running.append(rebake_finished.wait(timeout=30))
    os.kill(os.getpid(), signal.SIGTERM)  # the worker stops after this task


def note_rebake_finished(sender, task_result, **kwargs) -> None:
    if task_result.task.module_path == rebake_task.module_path:
        rebake_finished.set()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_rebake_runs_while_a_default_queue_task_is_still_running(baked, settings):
    settings.TASKS = DATABASE_QUEUE
    rebake_finished.clear()
    seen_while_running.clear()
    baked_file(baked.live, "/news/").unlink()
    slow_index_task.enqueue()
    task_finished.connect(note_rebake_finished)
    try:
        call_command("worker", "--interval", "0.05", "--publishing-interval", "0.05", "--no-default-queue-process")
    finally:
        task_finished.disconnect(note_rebake_finished)

    assert seen_while_running == [True]
    rebake = DBTaskResult.objects.get(task_path=rebake_task.module_path)
    assert rebake.queue_name == "publishing"
    assert rebake.status == "SUCCESSFUL"
    assert baked_file(baked.live, "/news/").is_file()


@task()
def default_queue_task() -> str:
    return f"ran in {os.getpid()}"


def stop_soon(seconds: float = 0.5) -> threading.Timer:
    timer = threading.Timer(seconds, os.kill, (os.getpid(), signal.SIGTERM))
    timer.start()
    return timer


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_default_queue_runs_in_a_child_process_of_its_own(settings, monkeypatch):
    """Its tasks (index updates, crawlers' sitemaps) must not share the publishing thread's interpreter."""
    settings.TASKS = DATABASE_QUEUE
    started: list[list[str]] = []

    class RecordingSupervisor:
        def __init__(self, command, name):
            started.append(command)

        def start(self):
            pass

        def stop(self):
            started.append(["stopped"])

    monkeypatch.setattr("broadsheet.publishing.management.commands.worker.WorkerSupervisor", RecordingSupervisor)
    waiting = default_queue_task.enqueue()
    stop_soon()
    call_command("worker", "--interval", "0.05", "--publishing-interval", "0.05")

    assert started[0][-4:] == ["worker", "--only-default-queue", "--interval", "0.05"]
    assert started[-1] == ["stopped"]
    assert DBTaskResult.objects.get(id=waiting.id).status == "READY"  # not run here


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_default_queue_process_runs_default_tasks_only(settings):
    settings.TASKS = DATABASE_QUEUE
    default = default_queue_task.enqueue()
    rebake = rebake_task.enqueue(["/news/"], [])
    stop_soon()
    call_command("worker", "--only-default-queue", "--interval", "0.05")

    assert DBTaskResult.objects.get(id=default.id).return_value == f"ran in {os.getpid()}"
    assert DBTaskResult.objects.get(id=rebake.id).status == "READY"  # the publishing thread's


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_rebakes_waiting_together_are_merged_into_one(baked, settings, rebakes):
    settings.TASKS = DATABASE_QUEUE
    results = [
        rebake_task.enqueue(["/news/"], [], reason="first"),
        rebake_task.enqueue(["/business/"], [], shift=True, reason="second"),
        rebake_task.enqueue(["/news/", "/"], [], reason="third"),
    ]

    call_command("worker", "--once")

    assert len(rebakes) == 1
    assert set(rebakes[0].written) >= {"/news/", "/business/", "/"}
    for result in results:
        stored = DBTaskResult.objects.get(id=result.id)
        assert stored.status == "SUCCESSFUL"
        assert stored.return_value["merged"] == 3


def test_merged_rebake_arguments_are_the_union_of_the_calls():
    merged = merged_rebake_arguments(
        [
            ([["/a/", "/b/"], ["page:1"]], {}),
            ([], {"urls": ["/b/", "/c/"], "keys": ["page:2", "page:1"], "shift": True, "reason": "moved"}),
            ([["/a/"], [], False, "moved"], {}),
        ]
    )
    assert merged == {
        "urls": ["/a/", "/b/", "/c/"],
        "keys": ["page:1", "page:2"],
        "shift": True,
        "reason": "moved",
        "part": None,
    }


def test_merged_rebakes_keep_their_part_when_they_share_it():
    readers = ([["/a/"], [], False, "", "readers"], {})
    crawlers = ([[], ["list:site"]], {"part": "crawlers"})
    assert merged_rebake_arguments([readers, readers])["part"] == "readers"
    assert merged_rebake_arguments([crawlers, crawlers])["part"] == "crawlers"
    assert merged_rebake_arguments([readers, crawlers])["part"] is None
    assert merged_rebake_arguments([readers, ([["/b/"], []], {})])["part"] is None

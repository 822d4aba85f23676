"""``broadsheet worker``: one command for the background tasks and the publishing schedule.

It runs what waits in the database task queue with django-tasks-db's worker:
the publishing queue (rebakes of what readers see) in a thread of its own
that looks every ``--publishing-interval`` seconds (default 0.1); the
default queue (Wagtail's own tasks, rebakes of the sitemaps only crawlers
read, full bakes) every ``--interval`` seconds in a child process of its own
(``--only-default-queue``, restarted if it dies), so a slow search-index
update or sitemap never holds up a publish, not even by sharing the
interpreter lock (``--no-default-queue-process`` keeps it in this process).
Rebakes that wait together in a queue are merged into one
(``publishing.queue``). Every ``--schedule-interval`` seconds (default 30)
it does what Wagtail's ``publish_scheduled`` does, so a
story scheduled to go live or expire does so within a minute with no cron
job. Every ``BROADSHEET_FULL_BAKE_INTERVAL`` seconds it starts a full bake in
a child process (``broadsheet bake``) so the queue keeps moving meanwhile.
SIGTERM or SIGINT: finish the running tasks, then exit 0.
"""

import argparse
import logging
import os
import signal
import subprocess
import sys
import threading
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser
from django.db import close_old_connections, connections
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends
from django_tasks.base import DEFAULT_TASK_QUEUE_NAME
from django_tasks.utils import get_random_id
from django_tasks_db import DatabaseBackend
from django_tasks_db.management.commands.db_worker import Worker

from broadsheet.publishing.daily import DayWatch
from broadsheet.publishing.layout import live_dir
from broadsheet.publishing.queue import MergingWorker, has_ready_tasks
from broadsheet.publishing.serving.server import WorkerSupervisor, worker_command
from broadsheet.publishing.tasks import PUBLISHING_QUEUE

logger = logging.getLogger("broadsheet.publishing")


class MergingQueueWorker(MergingWorker, Worker):
    pass


def batch_worker(worker_class: type[Worker], queue_name: str) -> Worker:
    """A worker whose ``run()`` drains ``queue_name`` and returns."""
    return worker_class(
        queue_names=[queue_name],
        interval=0,
        batch=True,
        backend_name=DEFAULT_TASK_BACKEND_ALIAS,
        startup_delay=False,
        max_tasks=None,
        worker_id=get_random_id(),
    )


class Command(BaseCommand):
    help = "Run queued background tasks and Wagtail's publishing schedule until stopped (SIGTERM)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--interval", type=float, default=1.0, help="Seconds between looks at an empty default queue."
        )
        parser.add_argument(
            "--publishing-interval",
            type=float,
            default=0.1,
            help="Seconds between looks at an empty publishing queue (rebakes): most of a publish's wait.",
        )
        parser.add_argument(
            "--schedule-interval", type=float, default=30.0, help="Seconds between runs of the publishing schedule."
        )
        parser.add_argument("--once", action="store_true", help="Run the schedule and every queued task, then exit.")
        parser.add_argument(
            "--only-default-queue",
            action="store_true",
            help="Run the default queue alone (what the worker starts as its child process).",
        )
        parser.add_argument(
            "--default-queue-process",
            action=argparse.BooleanOptionalAction,
            default=True,
            help="Run the default queue in a child process (the default) rather than in this one.",
        )

    def handle(
        self,
        *args,
        interval: float,
        publishing_interval: float,
        schedule_interval: float,
        once: bool,
        only_default_queue: bool,
        default_queue_process: bool,
        **options,
    ) -> None:
        self.stopping = threading.Event()
        self.worker = batch_worker(MergingQueueWorker, DEFAULT_TASK_QUEUE_NAME)
        self.publishing_worker = batch_worker(MergingQueueWorker, PUBLISHING_QUEUE)
        # With another backend (the tests' immediate one) tasks never wait.
        self.queue_in_database = isinstance(task_backends[DEFAULT_TASK_BACKEND_ALIAS], DatabaseBackend)
        self.full_bake: subprocess.Popen | None = None
        self.day_watch = DayWatch()
        if only_default_queue:
            return self.drain_default_queue(interval)
        publishing = default_queue = None
        if not once:
            signal.signal(signal.SIGTERM, self.stop)
            signal.signal(signal.SIGINT, self.stop)
            if self.queue_in_database:
                publishing = threading.Thread(
                    target=self.drain_publishing_queue, args=(publishing_interval,), name="publishing-queue"
                )
                publishing.start()
                if default_queue_process:
                    default_queue = WorkerSupervisor(
                        [*worker_command(), "--only-default-queue", "--interval", str(interval)],
                        name="the worker's default queue",
                    )
                    default_queue.start()
        self.default_queue_here = once or not default_queue_process
        logger.info("Worker started (pid %s)", os.getpid())
        next_schedule = next_full_bake = time.monotonic()
        next_full_bake += settings.BROADSHEET_FULL_BAKE_INTERVAL
        while not self.stopping.is_set():
            now = time.monotonic()
            if now >= next_schedule:
                self.run_schedule()
                next_schedule = now + schedule_interval
            if self.queue_in_database:
                if once:
                    self.publishing_worker.run()
                if self.default_queue_here:
                    self.worker.run()
            if once:
                break
            if settings.BROADSHEET_FULL_BAKE_INTERVAL and time.monotonic() >= next_full_bake:
                self.start_full_bake()
                next_full_bake = time.monotonic() + settings.BROADSHEET_FULL_BAKE_INTERVAL
            close_old_connections()
            self.stopping.wait(interval)
        if default_queue:
            default_queue.stop()  # it finishes the task it is running
        if publishing:
            publishing.join()  # it finishes the rebake it is running
        if self.full_bake and self.full_bake.poll() is None:
            self.full_bake.terminate()  # it leaves the live build as it was
            self.full_bake.wait()
        logger.info("Worker stopped")

    def drain_default_queue(self, interval: float) -> None:
        """The default queue's own process, until SIGTERM: what runs there never holds up a publish.

        Its tasks (Wagtail's search and reference index updates, the rebake of
        the sitemaps only crawlers read) are CPU work that grows with the
        archive. In the publishing queue's process they would share its
        interpreter lock, and a rebake running beside one took up to twice as
        long (docs/performance.md); here they have a process, and a core, of
        their own.
        """
        signal.signal(signal.SIGTERM, self.stop)
        signal.signal(signal.SIGINT, self.stop)
        logger.info("Worker: default queue started (pid %s)", os.getpid())
        while not self.stopping.is_set():
            if self.queue_in_database:
                self.worker.run()
            close_old_connections()
            self.stopping.wait(interval)

    def drain_publishing_queue(self, interval: float) -> None:
        """The publishing thread: rebakes as soon as they are queued, whatever the main thread runs."""
        try:
            while not self.stopping.is_set():
                try:
                    if has_ready_tasks(DEFAULT_TASK_BACKEND_ALIAS):
                        self.publishing_worker.run()
                except Exception:
                    logger.exception("The publishing queue failed; trying again")
                    self.stopping.wait(1)
                close_old_connections()
                self.stopping.wait(interval)
        finally:
            connections.close_all()  # this thread's own connections

    def stop(self, signum: int, frame) -> None:
        logger.info("Worker: %s received, stopping after the current tasks", signal.strsignal(signum))
        self.stopping.set()
        self.worker.running = False
        self.publishing_worker.running = False

    def run_schedule(self) -> None:
        """Wagtail's go-live and expiry times, then the pages that change at midnight."""
        try:
            call_command("publish_scheduled", verbosity=0)
        except Exception:
            logger.exception("The publishing schedule failed; trying again next round")
        try:
            self.day_watch.rebake_if_new_day()
        except Exception:
            logger.exception("The date-dependent rebake failed; trying again next round")

    def start_full_bake(self) -> None:
        """Refresh what incremental rebakes leave to lag (docs/publishing.md), in a child process."""
        if live_dir() is None or (self.full_bake and self.full_bake.poll() is None):
            return
        self.full_bake = subprocess.Popen([sys.executable, "-m", "broadsheet.cli", "bake", "--verbosity", "0"])

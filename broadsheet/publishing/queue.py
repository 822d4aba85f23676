"""The worker's queues: rebakes waiting together in one queue are merged into one.

A burst of publishes (a live blog, a batch of corrections) queues a rebake
each; most of their URLs are the same fronts, feeds and sitemaps. Run one
after another, the last waits for all the others. Merged, it waits for one
rebake of the union, which is barely larger than any of them.
"""

import logging

from django_tasks.signals import task_finished, task_started
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction

from .tasks import PUBLISHING_QUEUE, merged_rebake_arguments, rebake_task, summary_values

logger = logging.getLogger("broadsheet.publishing")

# A bound on one merged rebake (each task names a few dozen URLs).
MAX_MERGED_TASKS = 50


def rebake_task_path() -> str:
    return rebake_task.module_path


def has_ready_tasks(backend_name: str) -> bool:
    """A cheap look (a read on an indexed column) before taking the queue's lock."""
    return DBTaskResult.objects.ready().filter(backend_name=backend_name, queue_name=PUBLISHING_QUEUE).exists()


class MergingWorker:
    """Mixed into django-tasks-db's ``Worker``: a claimed rebake takes the other waiting ones with it."""

    def run_task(self, db_task_result: DBTaskResult) -> None:
        if db_task_result.task_path != rebake_task_path():
            return super().run_task(db_task_result)
        others = self.claim_waiting_rebakes()
        if not others:
            return super().run_task(db_task_result)
        self.run_merged([db_task_result, *others])

    def claim_waiting_rebakes(self) -> list[DBTaskResult]:
        waiting = DBTaskResult.objects.ready().filter(
            backend_name=self.backend_name, queue_name__in=self.queue_names, task_path=rebake_task_path()
        )
        with exclusive_transaction(waiting.db):
            claimed = list(waiting.select_for_update(skip_locked=True)[:MAX_MERGED_TASKS])
            for result in claimed:
                result.claim(self.worker_id)
        return claimed

    def run_merged(self, results: list[DBTaskResult]) -> None:
        from .publish import rebake

        backend = results[0].task.get_backend()
        try:
            self.running_task = True
            for result in results:
                task_started.send(sender=type(backend), task_result=result.task_result)
            arguments = merged_rebake_arguments(
                [(result.args_kwargs["args"], result.args_kwargs["kwargs"]) for result in results]
            )
            logger.info("Merged %d queued rebakes into one", len(results))
            values = {**summary_values(rebake(**arguments)), "merged": len(results)}
            for result in results:
                result.set_successful(values)
                task_finished.send(sender=type(backend), task_result=result.task_result)
        except BaseException as error:
            for result in results:
                result.set_failed(error)
                task_finished.send(sender=type(backend), task_result=result.task_result)
        finally:
            self.running_task = False
            self._run_tasks += len(results)

"""Running the web server and the background worker as one process tree."""

import logging
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

logger = logging.getLogger("broadsheet.publishing")

APPLICATION_FACTORY = "broadsheet.publishing.serving.asgi:create_application"
# How the command hands the chosen bake directory to granian's worker processes
# (they are forked after the settings were read, so a setting would be stale).
BAKE_DIR_HANDOFF = "BROADSHEET_SERVE_BAKE_DIR"


class WorkerSupervisor:
    """Keeps one ``broadsheet worker`` child running until told to stop.

    A crashed worker is started again after a pause that doubles up to a
    minute, so a worker that cannot start (say, the database is down) does not
    spin, and the web server keeps serving the baked site meanwhile.
    """

    def __init__(self, command: list[str], stop_timeout: float = 10.0, name: str = "the background worker"):
        self.command = command
        self.name = name  # for the log: the worker, or the worker's default queue
        self.stop_timeout = stop_timeout
        self.process: subprocess.Popen | None = None
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._supervise, name="broadsheet-worker-supervisor", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def _supervise(self) -> None:
        pause = 1.0
        while not self._stopping.is_set():
            self.process = subprocess.Popen(self.command)
            logger.info("Started %s (pid %s).", self.name, self.process.pid)
            code = self.process.wait()
            if self._stopping.is_set():
                return
            logger.error("%s exited with code %s; starting it again in %.0f s.", self.name.capitalize(), code, pause)
            self._stopping.wait(pause)
            pause = min(pause * 2, 60.0)

    def stop(self) -> None:
        self._stopping.set()
        process = self.process
        if process is not None and process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(self.stop_timeout)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        self._thread.join(timeout=self.stop_timeout)


def worker_command() -> list[str] | None:
    """``broadsheet worker`` if the project has that command (the bake feature adds it)."""
    from django.core.management import get_commands

    if "worker" not in get_commands():
        return None
    return [sys.executable, "-m", "broadsheet.cli", "worker"]


def serve(
    *, host: str, port: int, workers: int, bake_dir: Path, run_worker: bool = True, access_log: bool = False
) -> None:
    """Serve until SIGINT or SIGTERM; the worker child stops with the server."""
    from granian import Granian
    from granian.constants import HTTPModes, Interfaces

    os.environ[BAKE_DIR_HANDOFF] = str(bake_dir)
    command = worker_command() if run_worker else None
    supervisor = WorkerSupervisor(command) if command else None
    server = Granian(
        APPLICATION_FACTORY,
        factory=True,
        address=host,
        port=port,
        # ASGI without lifespan: the application has nothing to start.
        interface=Interfaces.ASGINL,
        workers=workers,
        http=HTTPModes.http1,
        websockets=False,
        log_access=access_log,
        respawn_failed_workers=True,
    )
    if supervisor:
        supervisor.start()
    try:
        server.serve()
    finally:
        if supervisor:
            supervisor.stop()

"""``broadsheet serve`` keeps ``broadsheet worker`` running beside the web server."""

import sys
import time

from broadsheet.publishing.serving import server
from broadsheet.publishing.serving.server import WorkerSupervisor


def wait_until(condition, timeout: float = 30.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def test_the_worker_is_stopped_with_the_server():
    supervisor = WorkerSupervisor([sys.executable, "-c", "import time; time.sleep(120)"])
    supervisor.start()
    assert wait_until(lambda: supervisor.process is not None and supervisor.process.poll() is None)

    supervisor.stop()

    assert supervisor.process.poll() is not None


def test_a_crashed_worker_is_started_again(tmp_path):
    starts = tmp_path / "starts"
    supervisor = WorkerSupervisor([sys.executable, "-c", f"open({str(starts)!r}, 'a').write('x'); raise SystemExit(3)"])
    supervisor.start()
    try:
        assert wait_until(lambda: starts.exists() and len(starts.read_text()) >= 2)
    finally:
        supervisor.stop()


def test_serve_starts_the_worker_command_when_the_project_has_one(monkeypatch):
    monkeypatch.setattr("django.core.management.get_commands", lambda: {"worker": "broadsheet.publishing"})
    assert server.worker_command() == [sys.executable, "-m", "broadsheet.cli", "worker"]

    monkeypatch.setattr("django.core.management.get_commands", lambda: {"serve": "broadsheet.publishing"})
    assert server.worker_command() is None

"""The real commands in their own processes, on a demo newsroom in a temporary SQLite file.

Kill a bake at an awkward moment and the live site must not notice; the
next bake must complete. The worker must stop cleanly on SIGTERM.
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

TIMEOUT = 600


@pytest.fixture(scope="module")
def demo_env(tmp_path_factory) -> dict:
    var = tmp_path_factory.mktemp("var")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "broadsheet.settings.dev",
        "DEBUG": "false",
        "BROADSHEET_VAR_DIR": str(var),
        "DATABASE_URL": f"sqlite:///{var / 'db.sqlite3'}",
        "MEDIA_ROOT": str(var / "media"),
        "BROADSHEET_BAKE_DIR": str(var / "bake"),
        "BROADSHEET_BAKE_PROCESSES": "1",
        "BROADSHEET_FULL_BAKE_INTERVAL": "0",
    }
    for command in (["migrate", "--noinput"], ["create_demo", "--articles", "10"]):
        broadsheet(env, *command)
    return env


def broadsheet(env: dict, *args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "broadsheet.cli", *args, "--verbosity", "0"],
        env=env,
        check=True,
        timeout=TIMEOUT,
        capture_output=True,
        **kwargs,
    )


def test_a_bake_killed_midway_leaves_the_live_site_intact(demo_env):
    bake_dir = Path(demo_env["BROADSHEET_BAKE_DIR"])
    broadsheet(demo_env, "bake")
    live = (bake_dir / "live").resolve()
    home = (live / "index.html").read_bytes()

    killed = subprocess.Popen([sys.executable, "-m", "broadsheet.cli", "bake"], env=demo_env, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + TIMEOUT
    partial = None
    while partial is None and time.monotonic() < deadline and killed.poll() is None:
        partial = next((p for p in (bake_dir / "builds").iterdir() if p != live and (p / "index.html").exists()), None)
        time.sleep(0.02)
    killed.send_signal(signal.SIGKILL)
    killed.wait()
    assert partial is not None, "the bake finished before it could be killed"
    assert not (partial / ".bake.json").exists()

    assert (bake_dir / "live").resolve() == live
    assert (live / "index.html").read_bytes() == home
    assert (live / ".bake.json").exists()

    broadsheet(demo_env, "bake")
    new_live = (bake_dir / "live").resolve()
    assert new_live != live and (new_live / ".bake.json").exists()
    assert not partial.exists()  # the killed bake's leftovers are pruned


def test_the_worker_stops_cleanly_on_sigterm(demo_env):
    worker = subprocess.Popen(
        [sys.executable, "-m", "broadsheet.cli", "worker", "--interval", "0.2"],
        env=demo_env,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert "Worker started" in worker.stderr.readline()
        time.sleep(1)
        worker.send_signal(signal.SIGTERM)
        assert worker.wait(timeout=60) == 0
        assert "Worker stopped" in worker.stderr.read()
    finally:
        if worker.poll() is None:
            worker.kill()

"""Starting ``broadsheet serve`` and a real nginx on free ports, for tests and benchmarks."""

import getpass
import http.client
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from broadsheet.publishing.nginx_config import DEFAULTS, render_nginx_config

NGINX = Path("/usr/sbin/nginx")
BROTLI_MODULE = Path(DEFAULTS["MODULES_DIR"]) / "ngx_http_brotli_static_module.so"
PROJECT_DIR = Path(__file__).resolve().parents[4]


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: bytes


def fetch(port: int, path: str, method: str = "GET", headers: dict[str, str] | None = None) -> Response:
    """One request with exactly the headers given (no default Accept-Encoding)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.putrequest(method, path, skip_accept_encoding=True)
        for name, value in (headers or {}).items():
            connection.putheader(name, value)
        connection.endheaders()
        response = connection.getresponse()
        body = response.read()
        return Response(response.status, {k.lower(): v for k, v in response.getheaders()}, body)
    finally:
        connection.close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"The server exited with code {process.returncode} before listening on {port}.")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"Nothing listened on port {port} within {timeout:.0f} s.")


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


# Port → the server process listening there, for the benchmarks' CPU accounting.
PROCESSES: dict[int, subprocess.Popen] = {}


@contextmanager
def running_process(command: list[str], port: int, cwd: Path | None = None, **popen) -> Iterator[int]:
    """Any server in a subprocess, once it listens on ``port``; stopped on exit."""
    process = subprocess.Popen(command, cwd=cwd, **popen)
    PROCESSES[port] = process
    try:
        wait_for_port(port, process)
        yield port
    finally:
        PROCESSES.pop(port, None)
        stop(process)


@contextmanager
def running_serve(
    bake_dir: Path, env: dict[str, str], workers: int = 1, log: Path | None = None, extra: tuple[str, ...] = ()
) -> Iterator[int]:
    """``broadsheet serve`` in a subprocess; yields its port."""
    port = free_port()
    command = [sys.executable, "-m", "broadsheet.cli", "serve", "--port", str(port), "--workers", str(workers)]
    command += ["--bake-dir", str(bake_dir), *extra]
    output = open(log, "wb") if log else subprocess.DEVNULL  # noqa: SIM115
    try:
        with running_process(
            command, port, cwd=PROJECT_DIR, env={**os.environ, **env}, stdout=output, stderr=subprocess.STDOUT
        ):
            yield port
    finally:
        if log:
            output.close()


@contextmanager
def running_nginx(bake_dir: Path, upstream: str, workdir: Path, access_log: bool = True) -> Iterator[int]:
    """deploy/nginx.conf rendered for ``workdir`` and run as the current user; yields its port."""
    port = free_port()
    for name in ("logs", "run"):
        (workdir / name).mkdir(parents=True, exist_ok=True)
    config = render_nginx_config(
        {
            "BAKE_DIR": str(bake_dir),
            "LISTEN": f"127.0.0.1:{port}",
            "UPSTREAM": upstream,
            "USER": getpass.getuser(),
            "PID_FILE": str(workdir / "run" / "nginx.pid"),
            "LOG_DIR": str(workdir / "logs"),
            "RUN_DIR": str(workdir / "run"),
            "MODULES_DIR": DEFAULTS["MODULES_DIR"],
        }
    )
    if not access_log:
        config = config.replace(
            f"access_log {workdir / 'logs'}/access.log combined buffer=64k flush=5s;", "access_log off;"
        )
    conf = workdir / "nginx.conf"
    conf.write_text(config, encoding="utf-8")
    with (
        open(workdir / "logs" / "stderr.log", "wb") as errors,
        running_process([str(NGINX), "-p", str(workdir), "-c", str(conf), "-g", "daemon off;"], port, stderr=errors),
    ):
        yield port


def nginx_missing_reason() -> str | None:
    if not NGINX.exists() or shutil.which(str(NGINX)) is None:
        return f"{NGINX} is missing: `apt-get install -y nginx libnginx-mod-http-brotli-static` (CI installs them)."
    return None

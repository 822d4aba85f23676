"""Serving benchmarks (`make bench`): the baked site through each front, as ratios.

Four ways to serve the same article page (the demo's story closest to 50 KB)
and the home page, each measured with wrk (Debian's package), two threads and
64 kept-alive connections, on this machine:

1. nginx serving one static file with the same bytes: the reference (1.0);
2. deploy/nginx.conf in front of the bake (target: at least 0.9 of 1.);
3. `broadsheet serve` alone (target: at least 0.3 of 1.);
4. Django rendering the page on every request, no cache (how many times slower).

wrk shares the cores with the servers and the machine with other work, so only
ratios measured in the same run mean anything: each server run is compared with
the reference runs just before and just after it, over a few rounds, and the
median ratio is reported.
Nothing is asserted: the figures go into docs/performance.md by hand.

The data: a demo newsroom in its own database under var/bench/ (made once with
`broadsheet migrate` and `broadsheet create_demo`, reused after). The bake:
`broadsheet bake` when the project has it, otherwise the two pages rendered
through Django's test client into a bake directory of the same layout.

Then runs bench/publishing.py, if present (the publishing benchmarks).

Environment: BENCH_SECONDS (default 3) per wrk run; BENCH_ROUNDS (default 5)
rounds of server and reference runs, the median kept; BENCH_ARTICLES
(default 60) stories in the benchmark's demo newsroom.
"""

import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[1]
VAR_DIR = PROJECT_DIR / "var" / "bench"
SECONDS = int(os.environ.get("BENCH_SECONDS", "3"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "5"))
ARTICLES = int(os.environ.get("BENCH_ARTICLES", "60"))
CONNECTIONS = 64
TARGET_SIZE = 50_000
WRK = shutil.which("wrk")
DJANGO_ENV = {
    "BROADSHEET_VAR_DIR": str(VAR_DIR),
    "DJANGO_SETTINGS_MODULE": "broadsheet.settings.dev",
    "DEBUG": "false",
    "BROADSHEET_BASE_URL": "http://localhost",
}

sys.path.insert(0, str(PROJECT_DIR))


def main() -> int:
    missing = [tool for tool in ("wrk", "nginx") if not shutil.which(tool) and not Path(f"/usr/sbin/{tool}").exists()]
    if missing:
        print(f"Missing {', '.join(missing)}: apt-get install -y wrk nginx libnginx-mod-http-brotli-static")
        return 1
    os.environ.update(DJANGO_ENV)
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    print(machine_description())
    prepare_database()

    import django

    django.setup()
    ensure_long_read()
    with tempfile.TemporaryDirectory(prefix="broadsheet-bench-") as temporary:
        temporary = Path(temporary)
        # nginx's workers run as another user: a private (0700) directory would
        # have the reference answer 403 to every request, and measure that.
        temporary.chmod(0o755)
        pages = choose_pages()
        bake_dir = bake(temporary / "bake", pages)
        results = measure(bake_dir, pages, temporary)
    report(results, pages)
    (VAR_DIR / "serving.json").write_text(json.dumps(results, indent=2))

    publishing = PROJECT_DIR / "bench" / "publishing.py"
    if publishing.exists():
        print(f"\nRunning {publishing.relative_to(PROJECT_DIR)}")
        return subprocess.call([sys.executable, str(publishing)], cwd=PROJECT_DIR)
    return 0


def machine_description() -> str:
    model = "unknown processor"
    for line in subprocess.run(["lscpu"], capture_output=True, text=True).stdout.splitlines():
        if line.startswith("Model name:"):
            model = line.split(":", 1)[1].strip()
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    nginx = subprocess.run(["/usr/sbin/nginx", "-v"], capture_output=True, text=True).stderr.strip()
    wrk = subprocess.run([WRK, "-v"], capture_output=True, text=True).stdout.splitlines()[0]
    return (
        f"Machine: {os.cpu_count()} cores ({model}), {memory:.0f} GiB memory, {platform.system()} "
        f"{platform.release()}; Python {platform.python_version()}; {nginx}; {wrk}"
    )


def broadsheet(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "broadsheet.cli", *args], cwd=PROJECT_DIR, check=True, env=os.environ)


def prepare_database() -> None:
    print(f"Preparing the benchmark's newsroom in {VAR_DIR} (migrate, create_demo --articles {ARTICLES})…")
    broadsheet("migrate", "--noinput", "-v", "0")
    broadsheet("create_demo", "--articles", str(ARTICLES), "-v", "0")


LONG_READ_SLUG = "benchmark-long-read"


def ensure_long_read() -> None:
    """A story whose page is about 50 KB (the demo's are shorter): a copy of the
    newest one, its paragraphs repeated until the page weighs 50 to 55 KB. Made
    once, like the rest of var/bench."""
    import json
    import math

    from broadsheet.articles.models import ArticlePage

    long_read = ArticlePage.objects.filter(slug=LONG_READ_SLUG).first()
    if long_read is None:
        source = ArticlePage.objects.live().order_by("-first_published_at").first()
        long_read = source.copy(
            update_attrs={"slug": LONG_READ_SLUG, "title": f"{source.title}: the long read"},
            keep_live=True,
            copy_revisions=False,
            log_action=None,
        )
    for _ in range(5):
        size = len(client().get(long_read.get_url()).content)
        if TARGET_SIZE <= size <= TARGET_SIZE * 1.1:
            return
        blocks = [{"type": block["type"], "value": block["value"]} for block in long_read.body.raw_data]
        paragraphs = [block for block in blocks if block["type"] == "paragraph"] or blocks[:1]
        if size > TARGET_SIZE:
            blocks = blocks[: len(blocks) // 2]
        else:
            per_paragraph = sum(len(str(block["value"])) for block in paragraphs) / len(paragraphs)
            needed = math.ceil((TARGET_SIZE * 1.05 - size) / per_paragraph)
            blocks += (paragraphs * needed)[:needed]
        long_read.body = json.dumps(blocks)
        long_read.save()


def client():
    from django.test import Client

    # The demo's site answers to localhost (Settings → Sites).
    return Client(HTTP_HOST="localhost")


def choose_pages() -> dict[str, dict]:
    """The home page and the live story whose page is closest to 50 KB."""
    from broadsheet.articles.models import ArticlePage

    web = client()
    best = None
    for article in ArticlePage.objects.live().order_by("-first_published_at")[:ARTICLES]:
        url = article.get_url()
        size = len(web.get(url).content)
        if best is None or abs(size - TARGET_SIZE) < abs(best[1] - TARGET_SIZE):
            best = (url, size)
    home_size = len(web.get("/").content)
    return {"article": {"url": best[0], "size": best[1]}, "home": {"url": "/", "size": home_size}}


def bake(bake_dir: Path, pages: dict[str, dict]) -> Path:
    from django.core.management import get_commands

    if "bake" in get_commands():
        print("Baking with `broadsheet bake`…")
        os.environ["BROADSHEET_BAKE_DIR"] = str(bake_dir)
        broadsheet("bake")
    else:
        from broadsheet.publishing.tests.serving.bakery import render_pages, write_build

        print("No `broadsheet bake` in this checkout: baking the two pages through Django's test client.")
        write_build(bake_dir, render_pages(client(), [page["url"] for page in pages.values()]))
    return bake_dir


def warm_up(url: str, flood: bool = True) -> None:
    """One request answered (a server's processes may still be starting), then a short run."""
    import urllib.error
    import urllib.request

    for _ in range(120):
        try:
            with urllib.request.urlopen(url, timeout=60) as response:
                response.read()
            break
        except urllib.error.HTTPError as error:
            # An answer, but not the page: measuring it would compare error pages.
            raise SystemExit(f"{url} answered {error.code}, not the page to measure") from error
        except OSError:
            time.sleep(0.5)
    if flood:
        wrk(url, seconds=2, timeout=30)


def cpu_seconds(port: int) -> float:
    """CPU time used so far by the server on ``port`` and all its processes."""
    from broadsheet.publishing.tests.serving.servers import PROCESSES

    parents: dict[int, int] = {}
    times: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(entry.name)] = int(fields[1])
        times[int(entry.name)] = int(fields[11]) + int(fields[12])  # utime + stime
    tree, frontier = set(), {PROCESSES[port].pid}
    while frontier:
        tree |= frontier
        frontier = {pid for pid, parent in parents.items() if parent in frontier} - tree
    return sum(times.get(pid, 0) for pid in tree) / os.sysconf("SC_CLK_TCK")


def wrk(url: str, seconds: int = SECONDS, timeout: int = 10) -> dict:
    """One wrk run; with the server's CPU time per request, which the machine's other
    load disturbs much less than the request rate."""
    port = int(url.split(":")[2].split("/")[0])
    command = [WRK, "-t2", f"-c{CONNECTIONS}", f"-d{seconds}s", "--timeout", f"{timeout}s", "--latency", url]
    cpu_before = cpu_seconds(port)
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    cpu = cpu_seconds(port) - cpu_before
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)\b", output)
    scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "requests_per_second": rate,
        "cpu_ms_per_request": cpu * 1000 / requests if requests else None,
        "p99_ms": float(p99.group(1)) * scale[p99.group(2)] if p99 else None,
        "bad_responses": int(errors.group(1)) if errors else 0,
    }


def reference_nginx(root: Path, workdir: Path):
    """Stock nginx serving plain files: no try_files, no variants, no log."""
    from broadsheet.publishing.tests.serving.servers import free_port, running_process

    port = free_port()
    (workdir / "logs").mkdir(parents=True, exist_ok=True)
    conf = workdir / "nginx.conf"
    conf.write_text(
        f"""worker_processes auto;
pid {workdir}/nginx.pid;
error_log {workdir}/logs/error.log;
events {{ worker_connections 4096; }}
http {{
    access_log off;
    sendfile on;
    keepalive_requests 10000;
    client_body_temp_path {workdir}/body;
    proxy_temp_path {workdir}/proxy;
    fastcgi_temp_path {workdir}/fastcgi;
    uwsgi_temp_path {workdir}/uwsgi;
    scgi_temp_path {workdir}/scgi;
    default_type text/html;
    server {{ listen 127.0.0.1:{port}; root {root}; }}
}}
"""
    )
    return running_process(["/usr/sbin/nginx", "-p", str(workdir), "-c", str(conf), "-g", "daemon off;"], port)


def django_server():
    """Django rendering every request: granian WSGI, one blocking thread per worker."""
    from broadsheet.publishing.tests.serving.servers import free_port, running_process

    port = free_port()
    command = [sys.executable, "-m", "granian", "--interface", "wsgi", "--workers", "2", "--blocking-threads", "1"]
    command += ["--port", str(port), "--log-level", "warning", "broadsheet.wsgi:application"]
    return running_process(command, port, cwd=PROJECT_DIR)


def measure(bake_dir: Path, pages: dict[str, dict], temporary: Path) -> dict:
    from broadsheet.publishing.tests.serving.bakery import file_name_for
    from broadsheet.publishing.tests.serving.servers import running_nginx, running_serve

    reference_root = temporary / "reference"
    reference_root.mkdir()
    for name, page in pages.items():
        shutil.copyfile(bake_dir / "live" / file_name_for(page["url"]), reference_root / f"{name}.html")

    def running_reference():
        return reference_nginx(reference_root, temporary / "reference-nginx")

    results = {}
    with ExitStack() as servers:
        reference = servers.enter_context(running_reference())
        serve = servers.enter_context(running_serve(bake_dir, {}, workers=os.cpu_count() or 2, extra=("--no-worker",)))
        front = servers.enter_context(running_nginx(bake_dir, f"127.0.0.1:{serve}", temporary / "nginx"))
        for name, page in pages.items():
            print(f"Measuring the {name} page ({page['url']}, {page['size']:,} bytes)…")
            reference_url = f"http://127.0.0.1:{reference}/{name}.html"
            fronts = {
                "deploy/nginx.conf": f"http://127.0.0.1:{front}{page['url']}",
                "broadsheet serve": f"http://127.0.0.1:{serve}{page['url']}",
            }
            for url in [reference_url, *fronts.values()]:
                warm_up(url)
            rows = {"references": []}
            for label, url in fronts.items():
                # Reference, server, reference, server…: the load on a shared machine
                # drifts, so each server run is compared with the reference runs around
                # it, and the median of the rounds is kept.
                runs, ratios = [], []
                before = wrk(reference_url)
                rows["references"].append(before)
                for _ in range(ROUNDS):
                    run = wrk(url)
                    after = wrk(reference_url)
                    rows["references"].append(after)
                    base = (before["requests_per_second"] + after["requests_per_second"]) / 2
                    runs.append(run)
                    ratios.append(run["requests_per_second"] / base)
                    before = after
                middle = sorted(range(ROUNDS), key=lambda index: ratios[index])[ROUNDS // 2]
                rows[label] = {**runs[middle], "ratio": ratios[middle], "ratios": ratios}
                rows[label]["cpu_ratio"] = cpu_ratio(rows["references"], runs)
            if failed := sum(run["bad_responses"] for run in rows["references"]):
                raise SystemExit(f"The reference nginx answered {failed} requests with an error: no ratio is valid.")
            results[name] = rows
    # Django last, one fresh server per page: wrk leaves the requests still queued
    # when it stops (dozens of seconds of rendering) and they must not overlap
    # another measurement. One long run is precise enough three orders of
    # magnitude below the reference, with a timeout it can meet.
    with running_reference() as reference:
        for name, page in pages.items():
            reference_url = f"http://127.0.0.1:{reference}/{name}.html"
            with django_server() as django:
                url = f"http://127.0.0.1:{django}{page['url']}"
                for _ in range(3):
                    warm_up(url, flood=False)
                before = wrk(reference_url)
                run = wrk(url, seconds=SECONDS * 4, timeout=60)
            after = wrk(reference_url)
            results[name]["references"] += [before, after]
            base = (before["requests_per_second"] + after["requests_per_second"]) / 2
            results[name]["Django rendering, no cache"] = {
                **run,
                "ratio": run["requests_per_second"] / base,
                "cpu_ratio": cpu_ratio([before, after], [run]),
            }
    return results


def cpu_ratio(references: list[dict], runs: list[dict]) -> float | None:
    """The reference's CPU per request over the server's (1.0: as cheap as nginx's file)."""

    def median(values):
        values = sorted(value for value in values if value)
        return values[len(values) // 2] if values else None

    reference, server = (
        median(r["cpu_ms_per_request"] for r in references),
        median(r["cpu_ms_per_request"] for r in runs),
    )
    return reference / server if reference and server else None


TARGETS = {"deploy/nginx.conf": 0.9, "broadsheet serve": 0.3}


def report(results: dict, pages: dict[str, dict]) -> None:
    print(f"\nwrk -t2 -c{CONNECTIONS} -d{SECONDS}s, median of {ROUNDS} rounds; ratio = requests/s over nginx serving")
    print("the same bytes from a file, measured just before and after; CPU ratio = that nginx's CPU time")
    print("per request over the server's (whole process tree), steadier on a busy machine.")
    for name, rows in results.items():
        references = [ref["requests_per_second"] for ref in rows["references"]]
        p99 = max(ref["p99_ms"] or 0 for ref in rows["references"])
        print(f"\n{name} page, {pages[name]['size']:,} bytes")
        print(f"  {'server':30} {'ratio':>8} {'CPU ratio':>10} {'p99 ms':>8}  target")
        drift = max(references) / min(references)
        label = "nginx, one static file"
        print(f"  {label:30} {1.0:8.3f} {1.0:10.3f} {p99:8.1f}  (reference drifted x{drift:.2f} in this run)")
        for label, row in rows.items():
            if label == "references":
                continue
            target = TARGETS.get(label)
            if target:
                verdict = f">= {target}: {'met' if row['ratio'] >= target else 'MISSED'}"
            elif row["ratio"] > 0:
                verdict = f"{1 / row['ratio']:,.0f} times slower than the reference"
            else:
                verdict = "no complete response"
            if "ratios" in row:
                verdict += " (rounds: " + ", ".join(f"{ratio:.2f}" for ratio in row["ratios"]) + ")"
            bad = f", {row['bad_responses']} bad responses" if row["bad_responses"] else ""
            cpu = f"{row['cpu_ratio']:10.4f}" if row.get("cpu_ratio") else f"{'-':>10}"
            print(f"  {label:30} {row['ratio']:8.4f} {cpu} {row['p99_ms'] or 0:8.1f}  {verdict}{bad}")
    print(f"\nRaw figures: {VAR_DIR / 'serving.json'} (absolute numbers: this run only).")


if __name__ == "__main__":
    sys.exit(main())

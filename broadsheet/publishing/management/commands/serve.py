"""``broadsheet serve``: the baked site at file speed, Django for the rest, and the worker."""

import os
from pathlib import Path

from django.core.management.base import BaseCommand, CommandParser

from broadsheet.publishing.serving import configured_bake_dir
from broadsheet.publishing.serving.server import serve, worker_command


class Command(BaseCommand):
    help = (
        "Serve the baked site (BROADSHEET_BAKE_DIR/live) with granian: baked files with their "
        "precompressed variants, ETags and cache headers; admin, search, previews, reader reports "
        "and anything not baked go to Django in the same process tree. Also starts and supervises "
        "`broadsheet worker` when that command exists."
    )
    # Serving must start while the database is down: the baked site needs none.
    requires_system_checks = []
    requires_migrations_checks = False

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default="127.0.0.1", help="Address to listen on (default 127.0.0.1).")
        parser.add_argument(
            "--port", type=int, default=int(os.environ.get("PORT", "8000")), help="Port (default $PORT or 8000)."
        )
        parser.add_argument(
            "--workers",
            type=int,
            default=os.cpu_count() or 1,
            help="Web server processes (default: one per CPU core).",
        )
        parser.add_argument("--bake-dir", type=Path, help="The bake directory (default BROADSHEET_BAKE_DIR).")
        parser.add_argument(
            "--no-worker", action="store_false", dest="run_worker", help="Do not start `broadsheet worker`."
        )
        parser.add_argument("--access-log", action="store_true", help="Log every request.")

    def handle(
        self,
        *args,
        host: str,
        port: int,
        workers: int,
        bake_dir: Path | None,
        run_worker: bool,
        access_log: bool,
        **options,
    ) -> None:
        bake_dir = (bake_dir or configured_bake_dir()).resolve()
        if not (bake_dir / "live").is_dir():
            self.stderr.write(
                self.style.WARNING(
                    f"Nothing is baked in {bake_dir} yet (no live/): every request goes to Django. "
                    "Run `broadsheet bake` first."
                )
            )
        if run_worker and worker_command() is None:
            self.stderr.write("No `broadsheet worker` command in this project: serving without a background worker.")
        self.stdout.write(f"Serving {bake_dir / 'live'} on http://{host}:{port}/ with {workers} worker process(es).")
        serve(
            host=host,
            port=port,
            workers=max(1, workers),
            bake_dir=bake_dir,
            run_worker=run_worker,
            access_log=access_log,
        )

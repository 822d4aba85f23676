"""``broadsheet bake``: render every public URL into a new build and make it live.

The steps live in ``broadsheet.publishing.bake.Baker`` (crawl and render,
not-found page, static files, media, manifest, dependency record, atomic
switch, prune); this command only wires options and progress to it. One
summary line goes to the ``broadsheet.publishing`` log whatever the
verbosity; a progress bar is drawn when stderr is a terminal.
"""

import sys
import time

from django.core.management.base import BaseCommand, CommandParser

from broadsheet.publishing.bake import Baker


class Command(BaseCommand):
    help = "Bake every public URL into BROADSHEET_BAKE_DIR/builds/<id>/ and switch BROADSHEET_BAKE_DIR/live to it."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--processes", type=int, default=None, help="Rendering processes (default BROADSHEET_BAKE_PROCESSES)."
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Render and crawl everything, write nothing, switch nothing."
        )

    def handle(self, *args, processes: int | None, dry_run: bool, **options) -> None:
        self.verbosity = options["verbosity"]
        self.started = time.monotonic()
        self.drawing = sys.stderr.isatty() and self.verbosity >= 1
        baker = Baker(processes=processes, dry_run=dry_run, progress=self.show_progress)
        summary = baker.run()
        if self.drawing:
            sys.stderr.write("\n")
        if self.verbosity >= 2:
            # The summary line itself goes to the log (broadsheet.publishing).
            for url, result in sorted(baker.results.items()):
                self.stdout.write(f"{result.status} {url}")
        if dry_run and self.verbosity >= 1:
            self.stdout.write(summary.line())

    def show_progress(self, done: int, found: int) -> None:
        if not self.drawing:
            return
        width = 30
        filled = int(width * done / found) if found else 0
        rate = done / max(time.monotonic() - self.started, 0.001)
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{found} URLs, {rate:.0f}/s ")
        sys.stderr.flush()

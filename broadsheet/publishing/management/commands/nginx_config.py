"""``broadsheet nginx_config``: deploy/nginx.conf with this installation's paths filled in."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from broadsheet.publishing.nginx_config import DEFAULTS, render_nginx_config
from broadsheet.publishing.serving import configured_bake_dir


class Command(BaseCommand):
    help = (
        "Print deploy/nginx.conf with its placeholders filled in (or write it with --output), "
        "e.g. `broadsheet nginx_config --output /etc/nginx/nginx.conf && nginx -t`."
    )
    requires_system_checks = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--bake-dir", type=Path, help="The bake directory (default BROADSHEET_BAKE_DIR).")
        parser.add_argument("--listen", default=DEFAULTS["LISTEN"], help="nginx `listen` value (default 80).")
        parser.add_argument(
            "--upstream",
            default=DEFAULTS["UPSTREAM"],
            help="host:port (or unix:/path) of `broadsheet serve` or another app server (default 127.0.0.1:8001).",
        )
        parser.add_argument("--user", default=DEFAULTS["USER"], help="User nginx's workers run as (www-data).")
        parser.add_argument("--pid-file", default=DEFAULTS["PID_FILE"], help="(default /run/nginx.pid)")
        parser.add_argument("--log-dir", default=DEFAULTS["LOG_DIR"], help="(default /var/log/nginx)")
        parser.add_argument("--run-dir", default=DEFAULTS["RUN_DIR"], help="Temporary files (default /var/lib/nginx).")
        parser.add_argument("--modules-dir", default=DEFAULTS["MODULES_DIR"], help="(default /usr/lib/nginx/modules)")
        parser.add_argument("--output", type=Path, help="Write here instead of printing.")

    def handle(self, *args, **options) -> None:
        values = {
            "BAKE_DIR": str((options["bake_dir"] or configured_bake_dir()).resolve()),
            "LISTEN": options["listen"],
            "UPSTREAM": options["upstream"],
            "USER": options["user"],
            "PID_FILE": options["pid_file"],
            "LOG_DIR": options["log_dir"],
            "RUN_DIR": options["run_dir"],
            "MODULES_DIR": options["modules_dir"],
        }
        try:
            config = render_nginx_config(values)
        except ValueError as error:
            raise CommandError(str(error)) from error
        if options["output"]:
            options["output"].write_text(config, encoding="utf-8")
            self.stdout.write(f"Wrote {options['output']}.")
        else:
            self.stdout.write(config, ending="")

"""The ``broadsheet`` command: Django's management commands without ``python manage.py``."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "broadsheet.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["broadsheet", *sys.argv[1:]])


if __name__ == "__main__":
    main()

"""Production settings read the environment and refuse to start misconfigured."""

import json
import os
import subprocess
import sys

from django.conf import settings

PRINT_DATABASE = (
    "import json; from django.conf import settings; print(json.dumps(settings.DATABASES['default'], default=str))"
)


def run_python(code: str, **environ: str) -> subprocess.CompletedProcess:
    env = {name: value for name, value in os.environ.items() if name not in {"SECRET_KEY", "DATABASE_URL"}}
    env.update(environ)
    return subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=settings.BASE_DIR, capture_output=True, text=True, timeout=60
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = run_python(
        "import broadsheet.settings.production", DJANGO_SETTINGS_MODULE="broadsheet.settings.production"
    )

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY" in result.stderr


def test_production_starts_with_a_secret_key():
    result = run_python(
        "from django.conf import settings; print(settings.DEBUG, settings.SECRET_KEY)",
        DJANGO_SETTINGS_MODULE="broadsheet.settings.production",
        SECRET_KEY="a-long-random-production-secret",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "a-long-random-production-secret"]


def test_database_url_is_honoured():
    result = run_python(
        PRINT_DATABASE,
        DJANGO_SETTINGS_MODULE="broadsheet.settings.production",
        SECRET_KEY="a-long-random-production-secret",
        DATABASE_URL="postgres://reporter:s3cret@db.example.org:6543/paper",
    )

    assert result.returncode == 0, result.stderr
    database = json.loads(result.stdout)
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert (database["NAME"], database["USER"], database["PASSWORD"]) == ("paper", "reporter", "s3cret")
    assert (database["HOST"], str(database["PORT"])) == ("db.example.org", "6543")


def test_without_database_url_the_database_is_a_sqlite_file():
    result = run_python(
        PRINT_DATABASE,
        DJANGO_SETTINGS_MODULE="broadsheet.settings.production",
        SECRET_KEY="a-long-random-production-secret",
    )

    assert result.returncode == 0, result.stderr
    database = json.loads(result.stdout)
    assert database["ENGINE"] == "django.db.backends.sqlite3"
    assert database["NAME"].endswith("broadsheet.sqlite3")

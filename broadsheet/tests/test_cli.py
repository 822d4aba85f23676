"""The ``broadsheet`` command that operators and ``make demo`` use is installed and runs."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

BROADSHEET = Path(sys.executable).parent / "broadsheet"


def run_broadsheet(*args: str) -> subprocess.CompletedProcess:
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "broadsheet.settings.test"}
    return subprocess.run(
        [str(BROADSHEET), *args],
        env=environment,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_entry_point_is_installed_beside_the_interpreter() -> None:
    assert BROADSHEET.is_file(), f"{BROADSHEET} is missing: `make install` installs the project with `pip -e .`"
    assert os.access(BROADSHEET, os.X_OK)


@pytest.mark.parametrize("args", [("help",), ("check",)], ids=["help", "check"])
def test_command_exits_cleanly(args: tuple[str, ...]) -> None:
    result = run_broadsheet(*args)
    assert result.returncode == 0, f"broadsheet {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"


def test_help_lists_the_project_commands() -> None:
    result = run_broadsheet("help")
    assert "migrate" in result.stdout
    assert "create_demo" in result.stdout

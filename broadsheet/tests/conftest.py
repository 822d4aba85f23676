"""Browser fixtures: Debian's chromium driven by Playwright against the live server.

Playwright cannot download its own browser on our machines, so the tests use
the system's ``/usr/bin/chromium`` (`.ci/run` installs it with apt-get). Without
it the browser tests fail in CI and skip loudly on a developer's machine.
"""

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
# No background or first-run traffic: this machine's network is closed and the
# tests assert that a page makes no request outside the site.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOT_DIR = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
DEVICES = {
    "desktop": {"viewport": {"width": 1280, "height": 900}},
    "mobile": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True},
}
MISSING_CHROMIUM = (
    f"{CHROMIUM} is missing, so the browser tests cannot run. "
    "Install it with `apt-get install chromium` (.ci/run does)."
)
missing_chromium_key = pytest.StashKey[bool]()


def pytest_runtest_setup(item: pytest.Item) -> None:
    # Before any fixture, so a missing browser costs no database or demo set-up.
    if item.get_closest_marker("browser") is None or CHROMIUM.exists():
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"BROWSER TESTS CANNOT RUN IN CI: {MISSING_CHROMIUM}", pytrace=False)
    item.config.stash[missing_chromium_key] = True
    pytest.skip(f"BROWSER TESTS SKIPPED: {MISSING_CHROMIUM}")


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:
    if config.stash.get(missing_chromium_key, False):
        terminalreporter.section("browser tests skipped", sep="!", red=True, bold=True)
        terminalreporter.write_line(MISSING_CHROMIUM, red=True, bold=True)


@pytest.fixture
def browser(monkeypatch: pytest.MonkeyPatch) -> Iterator:
    """A headless chromium for one test.

    Request it after the fixtures that write to the database: Playwright's
    sync API keeps an event loop running in this thread, and while it runs
    Django hands out other connection objects (and refuses ORM calls unless
    DJANGO_ALLOW_ASYNC_UNSAFE is set). Started per test, it is closed again
    before pytest-django flushes and restores the database.
    """
    from playwright.sync_api import sync_playwright

    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def screenshot_dir() -> Path:
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    return SCREENSHOT_DIR

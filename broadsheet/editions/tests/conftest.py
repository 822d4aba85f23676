import pytest


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """A fresh upload folder per test, so stored names and "nothing stored" checks see this test's files only."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT

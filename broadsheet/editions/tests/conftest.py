import shutil
from pathlib import Path

import pytest
from django.conf import settings


@pytest.fixture(autouse=True)
def empty_editions_folder():
    """Each test starts with no edition files, so stored names and "nothing stored" checks see its own.

    The folder is emptied rather than MEDIA_ROOT swapped: the URLconf serving
    /media/ keeps the MEDIA_ROOT it was loaded with.
    """
    folder = Path(settings.MEDIA_ROOT) / "editions"
    shutil.rmtree(folder, ignore_errors=True)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)

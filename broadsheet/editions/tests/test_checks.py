import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError


@pytest.mark.parametrize("limit", [0, -5])
def test_a_size_limit_that_refuses_every_upload_stops_the_start(settings, limit):
    settings.BROADSHEET_EDITION_PDF_MAX_MB = limit
    with pytest.raises(SystemCheckError, match="editions.E001"):
        call_command("check")


def test_the_default_limit_passes(settings):
    call_command("check")

"""Configuration mistakes the editions app reports at start-up (``broadsheet check``)."""

from django.conf import settings
from django.core.checks import Error, register


@register()
def check_pdf_size_limit(app_configs, **kwargs) -> list[Error]:
    limit = getattr(settings, "BROADSHEET_EDITION_PDF_MAX_MB", 200)
    if isinstance(limit, int) and limit > 0:
        return []
    return [
        Error(
            f"BROADSHEET_EDITION_PDF_MAX_MB is {limit!r}; no print edition could be uploaded.",
            hint="Set it to a whole number of megabytes above 0, e.g. 200.",
            id="editions.E001",
        )
    ]

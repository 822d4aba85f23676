"""Generic CSV imports for the admin (no domain models; see importer and views).

Public names: ``CsvImporter``, ``Column``, ``CsvFileError`` to describe an
import; ``import_urls`` and ``ImportMenuItem`` to put it in the admin.
"""

from .importer import Column, CsvFileError, CsvImporter, ImportPreview, Row

__all__ = ["Column", "CsvFileError", "CsvImporter", "ImportPreview", "Row"]

"""Declarative CSV imports: columns, one Django form per row, upsert by a natural key.

An app describes what a CSV file holds by subclassing ``CsvImporter``: the
columns (with the documentation editors read in the admin), a form that
validates one row, the natural key that recognises a row already imported,
and ``save_row``. Everything else is shared: reading the bytes (size, encoding,
CSV syntax, header), validating every row before anything is written,
refusing a file that names the same key twice, and saving all rows in one
transaction so that a file is imported entirely or not at all.

Why not django-import-export: it brings its own admin, formats and resource
layer for a job that is a hundred lines on top of ``csv`` and Django forms,
and its preview step stores the upload server side; ours stays stateless
(see ``views``).
"""

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, ClassVar

from django import forms
from django.db import models, transaction

# 1 MiB: the confirm step posts the file back (views), and Django refuses
# form bodies over 2.5 MB (DATA_UPLOAD_MAX_MEMORY_SIZE).
DEFAULT_MAX_BYTES = 1024 * 1024
DEFAULT_MAX_ROWS = 5000


class CsvFileError(ValueError):
    """The file as a whole cannot be read: too big, not UTF-8, not CSV, wrong header."""


@dataclass(frozen=True)
class Column:
    """One column of the file, as documented to editors."""

    name: str
    help: str
    required: bool = False
    example: str = ""


@dataclass
class Row:
    """One data row: its line in the file, the raw values, and what validation made of them."""

    line: int
    values: dict[str, str]
    cleaned: dict[str, Any] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    existing: Any = None
    #: The values in the importer's column order ("" for absent columns), for tables.
    ordered_values: list[str] = field(default_factory=list)

    @property
    def is_valid(self) -> bool:
        return not self.errors

    @property
    def action(self) -> str:
        if self.errors:
            return "error"
        return "update" if self.existing is not None else "create"


@dataclass
class ImportPreview:
    """Every row of a file, validated; nothing saved yet."""

    rows: list[Row]

    @property
    def is_valid(self) -> bool:
        return bool(self.rows) and all(row.is_valid for row in self.rows)

    @property
    def error_count(self) -> int:
        return sum(1 for row in self.rows if row.errors)

    def count(self, action: str) -> int:
        return sum(1 for row in self.rows if row.action == action)

    @property
    def count_create(self) -> int:
        return self.count("create")

    @property
    def count_update(self) -> int:
        return self.count("update")


class CsvImporter:
    """Subclass and fill in the class attributes and ``find_existing``/``save_row``.

    ``form_class`` field names are the column names. A row form is built with
    ``importer=self`` in its kwargs only if it accepts it (override
    ``get_form_kwargs``); keep forms plain where you can.
    """

    #: Used in admin URLs (``/admin/imports/<slug>/``) and page titles.
    slug: ClassVar[str] = ""
    verbose_name: ClassVar[str] = ""
    #: The columns, in the order the template file lists them.
    columns: ClassVar[list[Column]] = []
    form_class: ClassVar[type[forms.Form]]
    #: Cleaned values that identify a row's object; a re-import updates it.
    key_fields: ClassVar[tuple[str, ...]] = ()
    #: ``app_label.codename`` an editor needs to import (checked by the admin view).
    permission: ClassVar[str] = ""
    max_bytes: ClassVar[int] = DEFAULT_MAX_BYTES
    max_rows: ClassVar[int] = DEFAULT_MAX_ROWS

    # Reading

    def read(self, data: bytes) -> list[Row]:
        """The data rows of ``data``; ``CsvFileError`` if the file cannot be read at all."""
        if len(data) > self.max_bytes:
            raise CsvFileError(f"The file is {len(data):,} bytes; the limit is {self.max_bytes:,} bytes.")
        if not data.strip():
            raise CsvFileError("The file is empty.")
        if b"\x00" in data:
            raise CsvFileError("This is not a CSV text file (it contains binary data).")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise CsvFileError(
                f"The file is not UTF-8 text (byte {error.start + 1} cannot be read). "
                "Save it as “CSV UTF-8” and upload it again."
            ) from error
        try:
            records = list(csv.reader(io.StringIO(text, newline=""), strict=True))
        except csv.Error as error:
            raise CsvFileError(f"The file is not valid CSV: {error}.") from error
        return self.rows_from_records(records)

    def rows_from_records(self, records: list[list[str]]) -> list[Row]:
        header = [name.strip() for name in records[0]]
        known = {column.name for column in self.columns}
        unknown = [name for name in header if name not in known]
        if unknown:
            raise CsvFileError(
                f"Unknown column(s): {', '.join(unknown)}. The columns are: {', '.join(c.name for c in self.columns)}."
            )
        duplicated = sorted({name for name in header if header.count(name) > 1})
        if duplicated:
            raise CsvFileError(f"Column(s) named twice: {', '.join(duplicated)}.")
        missing = [column.name for column in self.columns if column.required and column.name not in header]
        if missing:
            raise CsvFileError(f"Required column(s) missing from the header: {', '.join(missing)}.")
        rows = []
        # Line numbers count the header as line 1, as a spreadsheet does.
        for line, record in enumerate(records[1:], start=2):
            if not any(value.strip() for value in record):
                continue  # blank lines, often at the end
            if len(rows) >= self.max_rows:
                raise CsvFileError(f"The file has more than {self.max_rows:,} rows; split it into smaller files.")
            row = Row(line=line, values={name: "" for name in header})
            if len(record) > len(header):
                row.errors.append(f"This row has {len(record)} values but the header has {len(header)} columns.")
            for name, value in zip(header, record, strict=False):
                row.values[name] = value.strip()
            row.ordered_values = [row.values.get(column.name, "") for column in self.columns]
            rows.append(row)
        if not rows:
            raise CsvFileError("The file has a header but no rows.")
        return rows

    # Validating

    def preview(self, data: bytes) -> ImportPreview:
        """Read and validate every row; saves nothing. Raises ``CsvFileError``."""
        rows = self.read(data)
        seen: dict[tuple, int] = {}
        for row in rows:
            if row.errors:
                continue
            form = self.form_class(data=row.values, **self.get_form_kwargs(row))
            if not form.is_valid():
                row.errors.extend(self.form_errors(form))
                continue
            row.cleaned = form.cleaned_data
            key = tuple(self.normalise_key(row.cleaned[name]) for name in self.key_fields)
            if key in seen:
                row.errors.append(f"Line {seen[key]} already has the same {', '.join(self.key_fields)}.")
                continue
            seen[key] = row.line
            row.existing = self.find_existing(row.cleaned)
            row.errors.extend(self.check_row(row))
        return ImportPreview(rows)

    def get_form_kwargs(self, row: Row) -> dict:
        return {}

    def normalise_key(self, value: Any) -> Any:
        return value.casefold() if isinstance(value, str) else value

    def form_errors(self, form: forms.Form) -> list[str]:
        messages = []
        for name, errors in form.errors.items():
            label = name if name != forms.forms.NON_FIELD_ERRORS else ""
            messages += [f"{label}: {error}" if label else error for error in errors]
        return messages

    def check_row(self, row: Row) -> Iterable[str]:
        """Errors only visible with the existing object at hand (override if needed)."""
        return ()

    def find_existing(self, cleaned: dict) -> models.Model | None:
        raise NotImplementedError

    # Saving

    def save_row(self, cleaned: dict, existing: models.Model | None) -> models.Model:
        raise NotImplementedError

    def run(self, data: bytes) -> ImportPreview:
        """Validate, then save every row in one transaction, or none if any row fails.

        Rows are validated again here, not trusted from the preview: the
        database may have changed in between.
        """
        preview = self.preview(data)
        if not preview.is_valid:
            return preview
        with transaction.atomic():
            for row in preview.rows:
                self.save_row(row.cleaned, row.existing)
        return preview

    # Documentation

    def template_csv(self) -> str:
        """A header line and one example row, for editors to start from."""
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow([column.name for column in self.columns])
        writer.writerow([column.example for column in self.columns])
        return buffer.getvalue()

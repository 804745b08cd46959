"""Reading an import file: CSV (UTF-8, header row) or a JSON list of objects.

Each row comes back with the line it starts on, so every error can name it.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext

from core.errors import ValidationFailed

COLUMNS = (
    "sku",
    "locale",
    "title",
    "brand",
    "category",
    "viscosity_grade",
    "base_oil",
    "specifications",
    "applications",
    "summary",
    "package_sizes",
)
REQUIRED = ("sku", "locale", "title")
MAX_FILE_BYTES = 5 * 1024 * 1024


@dataclass
class RowError:
    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}" if self.line else self.message


class ImportFailed(ValidationFailed):
    """The file has bad rows; nothing was written. ``row_errors`` lists them."""

    code = "import_invalid"

    def __init__(self, row_errors: list[RowError]) -> None:
        self.row_errors = row_errors
        super().__init__(
            gettext("{count} problem(s) in the file; nothing was imported.").format(
                count=len(row_errors)
            ),
            errors=[
                {"code": "invalid_row", "detail": str(e), "attr": f"line {e.line}"}
                for e in row_errors
            ],
        )


# --- Parsing -------------------------------------------------------------------------


def _decode(data: bytes) -> str:
    if len(data) > MAX_FILE_BYTES:
        raise ImportFailed([RowError(0, gettext("The file is larger than 5 MB."))])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFailed(
            [
                RowError(
                    0,
                    gettext("The file is not UTF-8 text (byte {offset}).").format(
                        offset=exc.start
                    ),
                )
            ]
        ) from exc


def _parse_csv(text: str) -> list[tuple[int, dict[str, Any]]]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [name.strip() for name in (reader.fieldnames or [])]
    _check_header(header)
    reader.fieldnames = header
    rows = []
    try:
        for record in reader:
            if None in record:
                rows.append((reader.line_num, {"__extra__": record[None]}))
            elif any((value or "").strip() for value in record.values()):
                rows.append((reader.line_num, record))
    except csv.Error as exc:
        raise ImportFailed(
            [RowError(reader.line_num, gettext("Bad CSV: {error}").format(error=exc))]
        ) from exc
    return rows


def _check_header(header: list[str]) -> None:
    if not header:
        raise ImportFailed(
            [RowError(1, gettext("The file is empty; expected a header row."))]
        )
    problems = []
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        problems.append(
            gettext("missing column(s): {columns}").format(columns=", ".join(missing))
        )
    unknown = [name for name in header if name not in COLUMNS]
    if unknown:
        problems.append(
            gettext("unknown column(s): {columns} (expected: {expected})").format(
                columns=", ".join(unknown), expected=", ".join(COLUMNS)
            )
        )
    if problems:
        raise ImportFailed([RowError(1, "; ".join(problems))])


def _parse_json(text: str) -> list[tuple[int, dict[str, Any]]]:
    """A JSON list of objects, each paired with the line its object starts on."""
    decoder = json.JSONDecoder()
    index = _skip_ws(text, 0)
    if index >= len(text) or text[index] != "[":
        raise ImportFailed([RowError(1, gettext("JSON must be a list of objects."))])
    index, rows = _skip_ws(text, index + 1), []
    while index < len(text) and text[index] != "]":
        line = text.count("\n", 0, index) + 1
        try:
            item, index = decoder.raw_decode(text, index)
        except json.JSONDecodeError as exc:
            raise ImportFailed(
                [
                    RowError(
                        exc.lineno, gettext("Bad JSON: {error}").format(error=exc.msg)
                    )
                ]
            ) from exc
        rows.append((line, item))
        index = _skip_ws(text, index)
        if index < len(text) and text[index] == ",":
            index = _skip_ws(text, index + 1)
    if index >= len(text):
        raise ImportFailed([RowError(0, gettext("Bad JSON: the list is not closed."))])
    return rows


def _skip_ws(text: str, index: int) -> int:
    while index < len(text) and text[index] in " \t\r\n":
        index += 1
    return index


def parse(data: bytes, *, filename: str = "") -> list[tuple[int, dict[str, Any]]]:
    """Rows of the file with their line numbers; JSON when it looks like JSON."""
    text = _decode(data)
    is_json = filename.lower().endswith(".json") or text.lstrip().startswith("[")
    return _parse_json(text) if is_json else _parse_csv(text)

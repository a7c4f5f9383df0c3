"""Plan spreadsheets (CONTRACT.md "Plan spreadsheet columns"): the columns, reading rows, writing them back.

Reading and writing go through portal.spreadsheets, which neutralises formulas on the way out
(and restores them on the way in) and never reads more of a file than these columns and rows.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from portal.spreadsheets import csv_text, neutralise, read_table, restore, xlsx_bytes

__all__ = ["COLUMNS", "EXPORT_COLUMNS", "MAX_ROWS", "OPTIONAL_COLUMNS", "neutralise", "read", "restore", "to_csv", "to_xlsx"]

COLUMNS = [
    "title", "description", "task_area", "responsibility", "start", "end", "topics", "counterparts",
    "target_groups", "common_interest", "status",
]
# Optional twelfth column: files without it import as before (every activity internal).
OPTIONAL_COLUMNS = ["visibility"]
EXPORT_COLUMNS = COLUMNS + OPTIONAL_COLUMNS
MAX_ROWS = 5000


def _check_header(header: list[str]) -> list[str]:
    """The file's columns: the contract's eleven, optionally followed by `visibility`."""
    names = [h.strip().lower() for h in header]
    while names and not names[-1]:
        names.pop()
    if names not in (COLUMNS, EXPORT_COLUMNS):
        raise ValidationError(
            _("The first row must name the columns %(expected)s (and optionally %(optional)s); it has %(found)s.")
            % {"expected": ", ".join(COLUMNS), "optional": ", ".join(OPTIONAL_COLUMNS), "found": ", ".join(names) or _("nothing")}
        )
    return names


def read(name: str, data: bytes) -> list[tuple[int, dict[str, str]]]:
    """(line number, row by column) of each non-empty row below the header of a CSV (comma or
    semicolon, UTF-8) or XLSX file; line 1 is the header. A file without `visibility` gives ""."""
    # One column more than the plan can have, so a header with an extra column is named in the message.
    lines = read_table(name, data, columns=len(EXPORT_COLUMNS) + 1, max_rows=MAX_ROWS)
    columns = _check_header(lines[0][1])
    rows = []
    for number, cells in lines[1:]:
        row = dict(zip(columns, cells))
        for optional in OPTIONAL_COLUMNS:
            row.setdefault(optional, "")
        rows.append((number, row))
    return rows


def to_csv(rows: list[list[str]]) -> str:
    return csv_text(EXPORT_COLUMNS, rows)


def to_xlsx(rows: list[list[str]], *, title: str) -> bytes:
    return xlsx_bytes(EXPORT_COLUMNS, rows, title=title)

"""Plan spreadsheets (CONTRACT.md "Plan spreadsheet columns"): the columns, reading rows, writing them back.

Reading and writing go through portal.spreadsheets, which neutralises formulas on the way out
(and restores them on the way in) and never reads more of a file than these columns and rows.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from portal.spreadsheets import csv_text, neutralise, read_table, restore, xlsx_bytes

__all__ = ["COLUMNS", "MAX_ROWS", "neutralise", "read", "restore", "to_csv", "to_xlsx"]

COLUMNS = [
    "title", "description", "task_area", "responsibility", "start", "end", "topics", "counterparts",
    "target_groups", "common_interest", "status",
]
MAX_ROWS = 5000


def _check_header(names: list[str]) -> None:
    names = [h.strip().lower() for h in names]
    while names and not names[-1]:
        names.pop()
    if names != COLUMNS:
        raise ValidationError(
            _("The first row must name the columns %(expected)s; it has %(found)s.")
            % {"expected": ", ".join(COLUMNS), "found": ", ".join(names) or _("nothing")}
        )


def read(name: str, data: bytes) -> list[tuple[int, dict[str, str]]]:
    """(line number, row by column) of each non-empty row below the header of a CSV (comma or
    semicolon, UTF-8) or XLSX file; line 1 is the header."""
    # One column more than the plan has, so a header with an extra column is named in the message.
    lines = read_table(name, data, columns=len(COLUMNS) + 1, max_rows=MAX_ROWS)
    _check_header(lines[0][1])
    return [(number, dict(zip(COLUMNS, cells))) for number, cells in lines[1:]]


def to_csv(rows: list[list[str]]) -> str:
    return csv_text(COLUMNS, rows)


def to_xlsx(rows: list[list[str]], *, title: str) -> bytes:
    return xlsx_bytes(COLUMNS, rows, title=title)

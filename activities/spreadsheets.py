"""Plan spreadsheets (CONTRACT.md "Plan spreadsheet columns"): reading CSV/XLSX rows and writing them back.

Cells that a spreadsheet program would run as a formula (starting with = + - @, tab or CR) are
written with a leading apostrophe; reading strips it again, so an export imports back unchanged.
A cell that itself starts with an apostrophe gets one more, for the same reason.
"""

from __future__ import annotations

import csv
import datetime as dt
import io

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

COLUMNS = [
    "title", "description", "task_area", "responsibility", "start", "end", "topics", "counterparts",
    "target_groups", "common_interest", "status",
]
# Optional twelfth column: files without it import as before (every activity internal).
OPTIONAL_COLUMNS = ["visibility"]
EXPORT_COLUMNS = COLUMNS + OPTIONAL_COLUMNS
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
MAX_ROWS = 5000


def neutralise(value: str) -> str:
    """The cell as exported: a leading apostrophe when a spreadsheet would read it as a formula."""
    return "'" + value if value.startswith(FORMULA_STARTS + ("'",)) else value


def restore(value: str) -> str:
    """The cell as imported: the apostrophe `neutralise` added is taken off again."""
    if value.startswith("'") and value[1:].startswith(FORMULA_STARTS + ("'",)):
        return value[1:]
    return value


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


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


def _rows(lines: list[list]) -> list[tuple[int, dict[str, str]]]:
    """(line number, row by column) for each non-empty row after the header; line 1 is the header."""
    if not lines:
        raise ValidationError(_("The file is empty."))
    columns = _check_header([_cell(v) for v in lines[0]])
    result = []
    for number, values in enumerate(lines[1:], start=2):
        cells = [restore(_cell(v)) for v in values]
        if not any(c.strip() for c in cells):
            continue
        cells += [""] * (len(EXPORT_COLUMNS) - len(cells))
        row = dict(zip(columns, cells[: len(columns)]))
        for name in OPTIONAL_COLUMNS:
            row.setdefault(name, "")
        result.append((number, row))
    if len(result) > MAX_ROWS:
        raise ValidationError(_("At most %(max)d rows can be imported at once.") % {"max": MAX_ROWS})
    return result


def read(name: str, data: bytes) -> list[tuple[int, dict[str, str]]]:
    """The rows of a CSV (comma or semicolon, UTF-8) or XLSX file, by line number."""
    if name.lower().endswith(".xlsx"):
        return _rows(_xlsx_lines(data))
    if name.lower().endswith(".csv"):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ValidationError(_("The CSV file must be UTF-8 encoded.")) from None
        first = text.split("\n", 1)[0]
        delimiter = ";" if first.count(";") > first.count(",") else ","
        return _rows(list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)))
    raise ValidationError(_("Upload a .csv or .xlsx file."))


def _xlsx_lines(data: bytes) -> list[list]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:
        raise ValidationError(_("The file is not a readable XLSX workbook.")) from None
    try:
        sheet = workbook.worksheets[0]
        return [list(row) for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()


def to_csv(rows: list[list[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(EXPORT_COLUMNS)
    writer.writerows([[neutralise(c) for c in row] for row in rows])
    return out.getvalue()


def to_xlsx(rows: list[list[str]], *, title: str) -> bytes:
    """An XLSX workbook of the rows; every cell is text, so nothing is reinterpreted on the way back.

    Control characters a worksheet cannot hold (only possible in rows older than the service's
    check) are dropped rather than failing the whole export.
    """
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title[:31])
    sheet.append(EXPORT_COLUMNS)
    for row in rows:
        sheet.append([ILLEGAL_CHARACTERS_RE.sub("", neutralise(c)) for c in row])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()

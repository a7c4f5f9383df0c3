"""Spreadsheets in and out for every app: one writer that neutralises formulas, one bounded reader.

Writing: every CSV and XLSX the portal hands out goes through `write_csv`, `csv_response` or
`xlsx_bytes`, so no export can forget that a cell starting with = + - @, tab or CR is run as a
formula by a spreadsheet program. Such a cell is written with a leading apostrophe (a cell that
itself starts with an apostrophe gets one more); `restore` takes it off again on import, so an
export imports back unchanged.

Reading: `read_table` never costs more than the rows and columns the caller can use. A workbook
may claim any size (`<dimension ref="A1:XFD1048576"/>` in 1.6 KB), so it reads at most `columns`
cells of each row and stops at the first line past the row limit; the unpacked size of an XLSX is
checked before anything is parsed; a CSV cell too long to be a cell is a message, not a crash.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Iterable, Iterator

from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.utils.translation import gettext as _

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# An XLSX is a zip: refuse one that unpacks to more than this before parsing any of it.
MAX_UNPACKED_BYTES = 100 * 1024 * 1024


class TooManyRows(ValidationError):
    """The file has more data rows than may be read at once."""


def neutralise(value) -> str:
    """The cell as exported: text, with a leading apostrophe when a spreadsheet would run it as a formula."""
    value = "" if value is None else str(value)
    return "'" + value if value.startswith(FORMULA_STARTS + ("'",)) else value


def restore(value: str) -> str:
    """The cell as imported: the apostrophe `neutralise` added is taken off again."""
    if value.startswith("'") and value[1:].startswith(FORMULA_STARTS + ("'",)):
        return value[1:]
    return value


# --- Writing ------------------------------------------------------------------------------------

def write_csv(stream, header: Iterable, rows: Iterable[Iterable]) -> None:
    """Write the header and the rows to `stream` (a file, a response, a command's stdout), neutralised."""
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow([str(h) for h in header])
    for row in rows:
        writer.writerow([neutralise(c) for c in row])


def csv_text(header: Iterable, rows: Iterable[Iterable]) -> str:
    out = io.StringIO()
    write_csv(out, header, rows)
    return out.getvalue()


def csv_response(filename: str, header: Iterable, rows: Iterable[Iterable]) -> HttpResponse:
    """A CSV download named `filename` (ASCII, no quotes) of the header and the rows."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    write_csv(response, header, rows)
    return response


def xlsx_bytes(header: Iterable, rows: Iterable[Iterable], *, title: str) -> bytes:
    """An XLSX workbook of the rows; every cell is text, so nothing is reinterpreted on the way back.

    Control characters a worksheet cannot hold are dropped rather than failing the whole export.
    """
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(ILLEGAL_CHARACTERS_RE.sub("", title)[:31] or "Sheet")
    sheet.append([str(h) for h in header])
    for row in rows:
        sheet.append([ILLEGAL_CHARACTERS_RE.sub("", neutralise(c)) for c in row])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def xlsx_response(filename: str, header: Iterable, rows: Iterable[Iterable], *, title: str) -> HttpResponse:
    response = HttpResponse(xlsx_bytes(header, rows, title=title), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


# --- Reading ------------------------------------------------------------------------------------

def cell_text(value) -> str:
    """A cell's value as the text an import expects (dates ISO, booleans yes/no, whole numbers without .0)."""
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


def read_table(name: str, data: bytes, *, columns: int, max_rows: int) -> list[tuple[int, list[str]]]:
    """(line number, cells) of the header (line 1) and every non-empty row of a CSV or XLSX file.

    1. Each line is cut to its first `columns` cells (padded to that many), restored (see `restore`).
    2. Empty lines are skipped, but still counted: reading stops with `TooManyRows` at the first
       non-empty row past `max_rows`, or after 2 × `max_rows` lines without reaching it, so a file
       of blank rows costs no more than a full one.
    """
    lower = name.lower()
    if lower.endswith(".xlsx"):
        lines = _xlsx_lines(data, columns=columns, max_lines=2 * max_rows + 1)
    elif lower.endswith(".csv"):
        lines = _csv_lines(data)
    else:
        raise ValidationError(_("Upload a .csv or .xlsx file."))
    result = []
    data_rows = 0
    for number, values in enumerate(lines, start=1):
        if number > 2 * max_rows + 1:
            raise TooManyRows(_("At most %(max)d rows can be imported at once.") % {"max": max_rows})
        cells = [restore(cell_text(v)) for v in values[:columns]]
        cells += [""] * (columns - len(cells))
        if number > 1:
            if not any(c.strip() for c in cells):
                continue
            data_rows += 1
            if data_rows > max_rows:
                raise TooManyRows(_("At most %(max)d rows can be imported at once.") % {"max": max_rows})
        result.append((number, cells))
    if not result:
        raise ValidationError(_("The file is empty."))
    return result


def _csv_lines(data: bytes) -> Iterator[list[str]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(_("The CSV file must be UTF-8 encoded.")) from None
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    while True:
        try:
            yield next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            if "field larger than field limit" in str(exc):
                message = _("Line %(line)d has a cell longer than %(limit)s characters; no cell can be that long.") % {
                    "line": reader.line_num, "limit": f"{csv.field_size_limit():,}"
                }
            else:
                message = _("Line %(line)d cannot be read as CSV (%(error)s).") % {"line": reader.line_num, "error": exc}
            raise ValidationError(message) from None


def _xlsx_lines(data: bytes, *, columns: int, max_lines: int) -> Iterator[tuple]:
    from openpyxl import load_workbook

    unreadable = ValidationError(_("The file is not a readable XLSX workbook."))
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, ValueError, OSError):
        raise unreadable from None
    if unpacked > MAX_UNPACKED_BYTES:
        raise ValidationError(
            _("The workbook unpacks to %(size)d MB; at most %(max)d MB can be read.")
            % {"size": unpacked // 2**20, "max": MAX_UNPACKED_BYTES // 2**20}
        )
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
    except Exception:
        raise unreadable from None
    try:
        # max_col and max_row, not the sheet's own <dimension>: that can claim 16,384 columns.
        rows = sheet.iter_rows(min_col=1, max_col=columns, min_row=1, max_row=max_lines + 1, values_only=True)
        while True:
            try:
                row = next(rows)
            except StopIteration:
                return
            except Exception:
                raise unreadable from None
            yield row
    finally:
        workbook.close()

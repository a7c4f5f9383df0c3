"""Hostile spreadsheets, built for real (used by the tests and by bench/spreadsheet_bomb.py)."""

import io
import re
import zipfile

from openpyxl import Workbook


def xlsx_dimension_bomb(*, header: list[str], last_row: int = 20000, dimension: str | None = None) -> bytes:
    """A tiny workbook whose sheet claims `<dimension ref="A1:XFD{last_row}"/>`: the header in row 1
    and one cell in row `last_row`, so a reader that trusts the dimension pads every row in between
    to 16,384 columns."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    sheet.cell(row=last_row, column=1, value="x")
    raw = io.BytesIO()
    workbook.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                ref = dimension or f"A1:XFD{last_row}"
                data = re.sub(rb'<dimension ref="[^"]*" ?/>', f'<dimension ref="{ref}"/>'.encode(), data)
            target.writestr(item, data)
    return out.getvalue()


def xlsx_zip_bomb(*, unpacked_mb: int) -> bytes:
    """A workbook with an extra member of `unpacked_mb` MB of zeros (a few KB packed)."""
    workbook = Workbook()
    workbook.active.append(["title"])
    out = io.BytesIO()
    workbook.save(out)
    with zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("xl/media/zeros.bin", "w") as member:
            chunk = bytes(1024 * 1024)
            for _ in range(unpacked_mb):
                member.write(chunk)
    return out.getvalue()

"""The one spreadsheet reader and writer every app uses: bounded reading, neutralised writing."""

import csv
import io

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from openpyxl import load_workbook
from openpyxl.worksheet._read_only import ReadOnlyWorksheet

from activities import spreadsheets as plan_sheets
from portal import spreadsheets
from tests.hostile_files import xlsx_dimension_bomb, xlsx_zip_bomb

HOSTILE = ["=HYPERLINK(\"http://evil\",\"x\")", "-2+3+cmd|' /C calc'!A0", "@SUM(A1)", "+1", "\tx", "\rx", "'=already"]


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def cells_read(monkeypatch):
    """How many cells openpyxl hands the reader, summed over the rows it produced."""
    counter = {"cells": 0, "rows": 0}
    original = ReadOnlyWorksheet._cells_by_row

    def counting(self, *args, **kwargs):
        for row in original(self, *args, **kwargs):
            counter["cells"] += len(row)
            counter["rows"] += 1
            yield row

    monkeypatch.setattr(ReadOnlyWorksheet, "_cells_by_row", counting)
    return counter


def test_it_refuses_the_dimension_bomb_after_reading_only_the_rows_and_columns_it_may_use(cells_read):
    bomb = xlsx_dimension_bomb(header=plan_sheets.EXPORT_COLUMNS, last_row=20000)
    assert len(bomb) < 10_000
    with pytest.raises(ValidationError, match="At most 5000 rows"):
        plan_sheets.read("bomb.xlsx", bomb)
    # The old reader padded 20,000 rows to 16,384 columns (327 million cells) before it counted them.
    assert cells_read["rows"] <= 2 * plan_sheets.MAX_ROWS + 2
    assert cells_read["cells"] <= (2 * plan_sheets.MAX_ROWS + 2) * (len(plan_sheets.EXPORT_COLUMNS) + 1)


def test_a_lying_dimension_does_not_stop_a_small_workbook_importing(cells_read):
    workbook = xlsx_dimension_bomb(header=plan_sheets.EXPORT_COLUMNS, last_row=3, dimension="A1:XFD1048576")
    rows = plan_sheets.read("small.xlsx", workbook)
    assert [(number, row["title"]) for number, row in rows] == [(3, "x")]
    assert cells_read["cells"] <= 3 * (len(plan_sheets.EXPORT_COLUMNS) + 1)


def test_a_workbook_that_unpacks_to_too_much_is_refused_before_it_is_parsed(monkeypatch, cells_read):
    monkeypatch.setattr(spreadsheets, "MAX_UNPACKED_BYTES", 5 * 1024 * 1024)
    with pytest.raises(ValidationError, match="unpacks to"):
        plan_sheets.read("zip.xlsx", xlsx_zip_bomb(unpacked_mb=6))
    assert cells_read["rows"] == 0


def test_a_csv_of_blank_lines_is_refused_without_reading_them_all():
    data = ",".join(plan_sheets.EXPORT_COLUMNS).encode() + b"\r\n" * 1_000_000
    with pytest.raises(ValidationError, match="At most 5000 rows"):
        plan_sheets.read("blank.csv", data)


def test_a_csv_cell_longer_than_the_csv_limit_is_a_message_with_its_line():
    data = (",".join(plan_sheets.EXPORT_COLUMNS) + "\r\nok,,cluster\r\n\"" + "x" * 140_000 + "\",,cluster\r\n").encode()
    with pytest.raises(ValidationError) as caught:
        plan_sheets.read("long.csv", data)
    assert "Line 3" in caught.value.messages[0] and "131,072" in caught.value.messages[0]


def test_csv_and_xlsx_writers_neutralise_every_formula_and_reading_restores_it():
    rows = [[value, "plain"] for value in HOSTILE]
    text = spreadsheets.csv_text(["a", "b"], rows)
    written = [r[0] for r in list(csv.reader(io.StringIO(text)))[1:]]
    assert all(cell.startswith("'") for cell in written), written
    sheet = load_workbook(io.BytesIO(spreadsheets.xlsx_bytes(["a", "b"], rows, title="t"))).active
    assert all(str(r[0].value).startswith("'") for r in list(sheet.iter_rows())[1:])
    assert [spreadsheets.restore(cell) for cell in written] == HOSTILE

"""The import page says what every column may hold and offers a template to start from (issue 14)."""

import csv
import io

import pytest
from openpyxl import load_workbook

from activities import spreadsheets
from activities.models import Activity
from agreement.models import MatrixRow, TaskArea


@pytest.fixture
def import_page(client_for, plan_for, censec_secretariat):
    plan_for("censec", 2027)
    return client_for(censec_secretariat)


def test_the_import_page_lists_the_allowed_codes_of_every_coded_column(import_page):
    html = import_page.get("/activities/censec/2027/import/").content.decode()
    for column in spreadsheets.EXPORT_COLUMNS:
        assert f'data-column="{column}"' in html, column
    for slug in TaskArea.objects.values_list("slug", flat=True):
        assert f"<code>{slug}</code>" in html
    for code in MatrixRow.objects.values_list("code", flat=True):
        assert f"<code>{code}</code>" in html
    for status in ("planned", "ongoing", "done", "cancelled", "yes", "no"):
        assert f"<code>{status}</code>" in html
    assert 'href="/activities/censec/2027/import/template.xlsx"' in html
    assert 'href="/activities/censec/2027/import/template.csv"' in html


def test_the_csv_template_has_the_header_and_an_example_that_imports(import_page):
    response = import_page.get("/activities/censec/2027/import/template.csv")
    assert response["Content-Disposition"] == 'attachment; filename="plan-template-censec-2027.csv"'
    header, example = list(csv.reader(io.StringIO(response.content.decode())))
    assert header == spreadsheets.EXPORT_COLUMNS
    assert example[spreadsheets.EXPORT_COLUMNS.index("start")] == "2027-03-10"
    upload = io.BytesIO(response.content)
    upload.name = "template.csv"
    imported = import_page.post("/activities/censec/2027/import/", {"file": upload})
    assert imported.status_code == 302
    assert Activity.objects.filter(plan__year=2027, title__startswith="Eksempel").count() == 1


def test_the_xlsx_template_opens_with_the_header_row(import_page):
    response = import_page.get("/activities/censec/2027/import/template.xlsx")
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    rows = list(load_workbook(io.BytesIO(response.content)).worksheets[0].iter_rows(values_only=True))
    assert list(rows[0]) == spreadsheets.EXPORT_COLUMNS and len(rows) == 2
    assert spreadsheets.read("template.xlsx", response.content)[0][1]["task_area"] == "cluster"


def test_only_the_plans_secretariat_gets_the_template(client_for, plan_for, difos_secretariat):
    plan_for("censec", 2027)
    assert client_for(difos_secretariat).get("/activities/censec/2027/import/template.csv").status_code == 403

"""Activity plans, imports and exports, fed random and hostile input.

Never a 500, never a stored script that the page renders as markup, never a formula cell that a
spreadsheet program would execute.
"""

import csv
import io

import openpyxl
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import given, strategies as st

from activities.models import Activity
from agreement.models import TaskArea
from tests.fuzz.strategies import HOSTILE, hostile_dates, hostile_text

PLAN = "/activities/censec/2027/"
COLUMNS = "title,description,task_area,responsibility,start,end,topics,counterparts,target_groups,common_interest,status"


@given(title=hostile_text, description=hostile_text, start=hostile_dates, end=hostile_dates, topics=hostile_text,
       counterparts=hostile_text, area=st.one_of(st.integers(-3, 10**9), hostile_text))
def test_the_activity_form_never_fails(client_for, censec_secretariat, plan_for, title, description, start, end, topics, counterparts, area):
    plan_for("censec", 2027)
    client = client_for(censec_secretariat)
    response = client.post(PLAN + "activities/new/", {
        "title": title, "description": description, "task_area": area, "start": start, "end": end,
        "topics": topics, "counterparts": counterparts, "target_groups": "", "status": "planned",
    })
    assert response.status_code in (200, 302, 400)
    for activity in Activity.objects.all():
        page = client.get(PLAN).content.decode()
        if "<script>alert(1)</script>" in activity.title:
            assert "<script>alert(1)</script>" not in page
        assert activity.end >= activity.start
    Activity.objects.all().delete()


cell = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=200))


@given(rows=st.lists(st.lists(cell, min_size=0, max_size=13), max_size=6), encoding=st.sampled_from(["utf-8", "latin-1", "utf-16", "cp1252"]))
def test_a_csv_import_never_fails_and_is_all_or_nothing(client_for, censec_secretariat, plan_for, rows, encoding):
    plan_for("censec", 2027)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS.split(","))
    writer.writerows(rows)
    data = out.getvalue().encode(encoding, errors="replace")
    response = client_for(censec_secretariat).post(PLAN + "import/", {"file": SimpleUploadedFile("plan.csv", data)})
    assert response.status_code in (200, 302, 400)
    if response.status_code != 302:
        assert Activity.objects.count() == 0  # a refused import stores nothing
    Activity.objects.all().delete()


@given(data=st.binary(max_size=4000), name=st.sampled_from(["plan.csv", "plan.xlsx", "plan.txt", "../../plan.csv", "plan"]))
def test_any_bytes_uploaded_as_a_plan_get_a_clear_answer(client_for, censec_secretariat, plan_for, data, name):
    plan_for("censec", 2027)
    response = client_for(censec_secretariat).post(PLAN + "import/", {"file": SimpleUploadedFile(name, data)})
    assert response.status_code in (200, 400)
    assert Activity.objects.count() == 0


@given(
    title=st.sampled_from(["=cmd|' /C calc'!A0", "+SUM(1,2)", "-2+3", "@SUM(1)", "\t=1+1", "\r=1+1"]),
    extra=st.text(st.characters(exclude_categories=("Cc", "Cs")), max_size=50),
)
def test_exported_cells_never_start_a_formula(client_for, censec_secretariat, add_activity, title, extra):
    add_activity("censec", title=(title + extra)[:200] or "x", topics=title)
    client = client_for(censec_secretariat)
    rows = list(csv.reader(io.StringIO(client.get(PLAN + "export.csv").content.decode())))
    sheet = openpyxl.load_workbook(io.BytesIO(client.get(PLAN + "export.xlsx").content)).active
    cells = [c for row in rows[1:] for c in row] + [str(c.value or "") for row in sheet.iter_rows(min_row=2) for c in row]
    assert all(not c.startswith(("=", "+", "-", "@", "\t", "\r")) for c in cells), cells
    Activity.objects.all().delete()


@given(params=st.dictionaries(st.sampled_from(["q", "task_area", "status", "sort", "page", "kind", "party", "id"]), hostile_text, max_size=5))
def test_filters_and_sorting_never_fail(client_for, censec_director, plan_for, params):
    plan_for("censec", 2027)
    client = client_for(censec_director)
    for path in (PLAN, "/activities/findings/", "/activities/", "/activities/timeline/2027/"):
        assert client.get(path, params).status_code in (200, 400), path


def test_control_characters_are_refused_with_a_clear_message(client_for, censec_secretariat, plan_for):
    plan_for("censec", 2027)
    response = client_for(censec_secretariat).post(PLAN + "activities/new/", {
        "title": "Netværksmøde\x01", "task_area": TaskArea.objects.get(slug="cluster").pk,
        "start": "2027-03-01", "end": "2027-03-01", "status": "planned",
    })
    assert "kontroltegn" in response.content.decode()
    assert not Activity.objects.exists()


def test_an_export_drops_characters_a_worksheet_cannot_hold():
    from activities.spreadsheets import to_xlsx

    sheet = openpyxl.load_workbook(io.BytesIO(to_xlsx([["a\x01b"] + [""] * 10], title="t"))).active
    assert sheet.cell(row=2, column=1).value == "ab"

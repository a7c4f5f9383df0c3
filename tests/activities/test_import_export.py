"""Plan spreadsheets: all rows or none with line numbers, and an export that imports back unchanged."""

import csv
import datetime as dt
import io

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from activities import spreadsheets
from activities.models import Activity
from activities.services.imports import ImportRejected, plan_import

HEADER = ",".join(spreadsheets.COLUMNS)
GOOD = 'Matchmaking-dag,"Virksomheder, forskere",cluster,2.1,2027-03-10,2027-03-11,matchmaking; innovation,,SMV,no,planned'


def _csv(*rows):
    return ("\n".join([HEADER, *rows]) + "\n").encode()


def test_it_imports_every_row(plan_for, censec_secretariat):
    count = plan_import(user=censec_secretariat, plan=plan_for("censec"), name="plan.csv", data=_csv(GOOD, GOOD.replace("Matchmaking-dag", "Årsmøde")))
    assert count == 2
    activity = Activity.objects.get(title="Matchmaking-dag")
    assert activity.matrix_row.code == "2.1" and activity.description == "Virksomheder, forskere" and activity.needs_check


def test_it_imports_nothing_and_reports_each_bad_row_by_line(plan_for, censec_secretariat):
    rows = [
        GOOD,
        GOOD.replace("cluster", "klynge"),
        GOOD.replace("2027-03-11", "11-03-2027"),
        "",
        GOOD.replace(",2.1,", ",9.9,").replace(",no,", ",maybe,"),
        GOOD.replace("2027-03-10,2027-03-11", "2027-03-12,2027-03-11"),
        GOOD.replace("Matchmaking-dag", ""),
    ]
    with pytest.raises(ImportRejected) as exc:
        plan_import(user=censec_secretariat, plan=plan_for("censec"), name="plan.csv", data=_csv(*rows))
    lines = dict(exc.value.errors)
    assert sorted(lines) == [3, 4, 6, 7, 8]
    assert "klynge" in lines[3] and "11-03-2027" in lines[4] and "9.9" in lines[6] and "maybe" in lines[6]
    assert not Activity.objects.exists()


def test_it_rejects_a_wrong_header_on_line_1(plan_for, censec_secretariat):
    with pytest.raises(ImportRejected) as exc:
        plan_import(user=censec_secretariat, plan=plan_for("censec"), name="plan.csv", data=b"title,start\nA,2027-01-01\n")
    assert exc.value.errors[0][0] == 1 and "title, description" in exc.value.errors[0][1]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_an_export_imports_back_unchanged(client_for, add_activity, plan_for, censec_secretariat, fmt):
    add_activity("censec", title="=HYPERLINK(\"http://evil\")", description="-1+1", topics="@sum; 'quoted", start=dt.date(2027, 2, 1), days=3,
                 common_interest=True, row="2.1")
    add_activity("censec", title="'=already quoted", counterparts="Lockheed Martin; Terma", target_groups="SMV", status="ongoing")
    client = client_for(censec_secretariat)
    exported = client.get(f"/activities/censec/2027/export.{fmt}").content
    if fmt == "xlsx":
        cells = [c.value for c in next(iter(load_workbook(io.BytesIO(exported)).worksheets[0].iter_rows(min_row=2, max_row=2)))]
    else:
        cells = list(csv.reader(io.StringIO(exported.decode())))[1]
    assert str(cells[0]).startswith("'=")  # a spreadsheet shows it as text, never runs it
    target = plan_for("censec", 2027)
    plan_import(user=censec_secretariat, plan=target, name=f"plan.{fmt}", data=exported, replace=True)
    if fmt == "csv":
        assert client.get("/activities/censec/2027/export.csv").content == exported
    again = spreadsheets.read(f"x.{fmt}", client.get(f"/activities/censec/2027/export.{fmt}").content)
    assert again == spreadsheets.read(f"x.{fmt}", exported)
    assert Activity.objects.filter(title='=HYPERLINK("http://evil")', description="-1+1", topics="@sum; 'quoted").exists()


def test_neutralise_and_restore_are_inverse():
    for value in ["=1+1", "+x", "-x", "@x", "\tx", "\rx", "'=x", "''x", "'x", "plain", ""]:
        assert spreadsheets.restore(spreadsheets.neutralise(value)) == value


def test_the_import_page_reports_bad_rows(client_for, plan_for, censec_secretariat):
    from django.core.files.uploadedfile import SimpleUploadedFile

    plan_for("censec")
    response = client_for(censec_secretariat).post(
        "/activities/censec/2027/import/", {"file": SimpleUploadedFile("plan.csv", _csv(GOOD, GOOD.replace("planned", "soon")))}
    )
    assert response.status_code == 400
    assert 'data-testid="import-errors"' in response.content.decode() and "soon" in response.content.decode()
    assert not Activity.objects.exists()
    response = client_for(censec_secretariat).post("/activities/censec/2027/import/", {"file": SimpleUploadedFile("plan.csv", _csv(GOOD))})
    assert response.status_code == 302 and Activity.objects.count() == 1


def test_the_other_party_cannot_import(client_for, plan_for, difos_secretariat):
    from django.core.files.uploadedfile import SimpleUploadedFile

    plan_for("censec")
    response = client_for(difos_secretariat).post("/activities/censec/2027/import/", {"file": SimpleUploadedFile("plan.csv", _csv(GOOD))})
    assert response.status_code == 403 and not Activity.objects.exists()


def test_the_command_imports_or_names_the_bad_lines(tmp_path, agreement, capsys):
    good = tmp_path / "plan.csv"
    good.write_bytes(_csv(GOOD))
    call_command("import_plan", str(good), org="difos", year=2027)
    assert Activity.objects.get().plan.organisation.slug == "difos"
    bad = tmp_path / "bad.csv"
    bad.write_bytes(_csv(GOOD, GOOD.replace("2027-03-10", "2028-03-10")))
    with pytest.raises(CommandError, match="1 bad rows"):
        call_command("import_plan", str(bad), org="difos", year=2027)
    assert "bad.csv:3:" in capsys.readouterr().err
    assert Activity.objects.count() == 1


def test_the_import_page_refuses_the_dimension_bomb_with_a_message(client_for, plan_for, censec_secretariat):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.hostile_files import xlsx_dimension_bomb

    plan_for("censec")
    bomb = xlsx_dimension_bomb(header=spreadsheets.COLUMNS, last_row=20000)
    response = client_for(censec_secretariat).post("/activities/censec/2027/import/", {"file": SimpleUploadedFile("bomb.xlsx", bomb)})
    assert response.status_code == 400
    assert "5000" in response.content.decode()
    assert not Activity.objects.exists()


# --- the optional twelfth column, visibility --------------------------------------------------------

def test_a_file_without_the_visibility_column_imports_every_activity_as_internal(plan_for, censec_secretariat):
    plan_import(user=censec_secretariat, plan=plan_for("censec"), name="plan.csv", data=_csv(GOOD))
    assert Activity.objects.get().visibility == "internal"


def test_the_visibility_column_sets_who_may_see_each_activity(plan_for, censec_secretariat):
    header = HEADER + ",visibility"
    rows = [GOOD + ",public", GOOD.replace("Matchmaking-dag", "Medlemsmøde") + ",members", GOOD.replace("Matchmaking-dag", "Intern") + ","]
    plan_import(user=censec_secretariat, plan=plan_for("censec"), name="plan.csv", data=("\n".join([header, *rows]) + "\n").encode())
    assert dict(Activity.objects.values_list("title", "visibility")) == {
        "Matchmaking-dag": "public", "Medlemsmøde": "members", "Intern": "internal",
    }


def test_a_bad_visibility_is_reported_by_line_and_nothing_is_imported(plan_for, censec_secretariat):
    data = ("\n".join([HEADER + ",visibility", GOOD + ",public", GOOD + ",everyone"]) + "\n").encode()
    with pytest.raises(ImportRejected) as exc:
        plan_import(user=censec_secretariat, plan=plan_for("censec"), name="plan.csv", data=data)
    assert [line for line, _reason in exc.value.errors] == [3] and "everyone" in exc.value.errors[0][1]
    assert not Activity.objects.exists()


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_export_writes_visibility_and_imports_back_exactly(client_for, add_activity, plan_for, censec_secretariat, fmt):
    for title, visibility in [("Offentlig", "public"), ("Medlemmer", "members"), ("Intern", "internal")]:
        add_activity("censec", title=title, visibility=visibility)
    client = client_for(censec_secretariat)
    exported = client.get(f"/activities/censec/2027/export.{fmt}").content
    rows = spreadsheets.read(f"x.{fmt}", exported)
    assert [row["visibility"] for _line, row in rows] == ["public", "members", "internal"]
    if fmt == "csv":
        assert exported.decode().splitlines()[0] == HEADER + ",visibility"
    plan_import(user=censec_secretariat, plan=plan_for("censec", 2027), name=f"plan.{fmt}", data=exported, replace=True)
    assert dict(Activity.objects.values_list("title", "visibility")) == {"Offentlig": "public", "Medlemmer": "members", "Intern": "internal"}
    assert spreadsheets.read(f"x.{fmt}", client.get(f"/activities/censec/2027/export.{fmt}").content) == rows

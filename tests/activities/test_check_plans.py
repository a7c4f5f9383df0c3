"""`manage.py check_plans`: runs the checks now and prints the open findings; always exit 0."""

import csv
import io

from django.core.management import call_command


def test_it_prints_the_open_findings_as_text_and_csv(add_activity):
    add_activity("censec", title="Møde med Lockheed Martin", area="international")
    out = io.StringIO()
    call_command("check_plans", stdout=out)
    assert "[single_track 3.1]" in out.getvalue() and "1 open findings (1 new" in out.getvalue()
    out = io.StringIO()
    call_command("check_plans", "--format", "csv", "--year", "2027", stdout=out)
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert rows[0][:3] == ["id", "kind", "rule"] and rows[1][1:5] == ["single_track", "3.1", "censec | difos", "Møde med Lockheed Martin"]


def test_it_exits_cleanly_without_findings(agreement):
    out = io.StringIO()
    call_command("check_plans", "--year", "2030", stdout=out)
    assert "0 open findings" in out.getvalue()


def test_it_prints_an_overlaps_score_and_matched_words(add_activity):
    add_activity("censec", title="Brint i forsvaret", area="operational")
    add_activity("difos", title="Hydrogen for defence", area="cluster")
    out = io.StringIO()
    call_command("check_plans", stdout=out)
    [line] = [line for line in out.getvalue().splitlines() if "[overlap §4]" in line]
    assert "brint, forsvaret ~ hydrogen, defence" in line.lower() and "score" in line.lower()
    out = io.StringIO()
    call_command("check_plans", "--format", "csv", stdout=out)
    [row] = [r for r in csv.reader(io.StringIO(out.getvalue())) if r[1] == "overlap"]
    assert float(row[7]) >= 0.8 and row[8].lower() == "brint, forsvaret | hydrogen, defence"

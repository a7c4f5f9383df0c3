"""Odd input that used to end as a 500: superscript digits, 30-digit ids, year 0 and year 9999, huge CSV cells.

Each request is what an attacker (or a slip of the keyboard) sends; the answer is a page or a
message, never a server error (the test client re-raises one).
"""

import datetime as dt
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from activities import spreadsheets
from activities.models import Activity, Plan
from agreement.models import Notice
from portal.models import Notification
from portal.parsing import parse_id, parse_ids, parse_year

HUGE = "9" * 30


def date_range_message(response) -> bool:
    """The page says "Give a date between 1/1/1900 and 12/31/2199" (in Danish: 01.01.1900 og 31.12.2199);
    the picker's max="2199-12-31" does not count."""
    return re.search(r"31\.12\.2199|12/31/2199", response.content.decode()) is not None


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.mark.parametrize("value, expected", [
    ("12", 12), ("²", None), ("٣", None), ("-1", None), ("0", None), (HUGE, None), ("9" * 19, None),
    (str(2**63 - 1), 2**63 - 1), (" 1", None), ("", None), (None, None),
])
def test_an_id_is_ascii_digits_in_the_range_of_a_database_id(value, expected):
    assert parse_id(value) == expected


def test_years_and_id_lists_parse_the_same_way():
    assert parse_year("2027") == 2027 and parse_year("0") is None and parse_year("²⁰²⁷") is None and parse_year("9999") is None
    assert parse_ids(["1", "²", HUGE, "x", "7"]) == [1, 7]


def test_marking_notifications_read_with_odd_ids_is_no_error(client_for, censec_secretariat):
    note = Notification.objects.create(recipient=censec_secretariat, kind="test", key="k", subject="s", body="b")
    response = client_for(censec_secretariat).post("/notifications/read/", {"id": ["²", HUGE, str(note.pk)]})
    assert response.status_code == 302
    note.refresh_from_db()
    assert note.read_at is not None


@pytest.mark.parametrize("user", ["²", HUGE, "-3"])
def test_the_audit_log_ignores_an_odd_user_filter(client_for, admin_user, user):
    assert client_for(admin_user).get(f"/audit/?user={user}").status_code == 200


@pytest.mark.parametrize("source_year", ["²⁰²⁶", HUGE, "0"])
def test_duplicating_from_an_odd_year_is_a_404(client_for, censec_secretariat, orgs, source_year):
    Plan.objects.create(organisation=orgs["censec"], year=2027)
    response = client_for(censec_secretariat).post("/activities/censec/2027/duplicate/", {"source_year": source_year})
    assert response.status_code == 404


@pytest.mark.parametrize("path", [
    "/activities/timeline/0/", "/activities/timeline/9999/", "/activities/timeline/²⁰²⁷/",
    f"/activities/censec/{HUGE}/", f"/governance/meetings/{HUGE}/", f"/governance/materials/{HUGE}/download/",
    f"/governance/contacts/{HUGE}/", f"/activities/censec/2027/activities/{HUGE}/",
])
def test_odd_numbers_in_a_path_are_a_404(client_for, censec_secretariat, path):
    assert client_for(censec_secretariat).get(path).status_code == 404


def test_an_odd_finding_id_filter_is_ignored(client_for, censec_secretariat):
    assert client_for(censec_secretariat).get(f"/activities/findings/?id={HUGE}").status_code == 200
    assert client_for(censec_secretariat).post(f"/activities/findings/{HUGE}/dismiss/", {"reason": "x"}).status_code == 404


@pytest.mark.parametrize("given_on", ["9999-12-01", "0001-01-01"])
def test_notice_in_an_impossible_year_is_a_form_error(client_for, difos_director, orgs, given_on):
    response = client_for(difos_director).post("/agreement/", {"party": orgs["difos"].pk, "given_on": given_on})
    assert response.status_code == 200
    assert date_range_message(response)
    assert not Notice.objects.exists()


def test_an_activity_dated_in_year_9999_is_a_form_error(client_for, censec_secretariat, orgs):
    Plan.objects.create(organisation=orgs["censec"], year=2027)
    response = client_for(censec_secretariat).post("/activities/censec/2027/activities/new/", {
        "title": "Far future", "task_area": 2, "start": "9999-12-30", "end": "9999-12-31", "status": "planned",
    })
    assert date_range_message(response)
    assert not Activity.objects.exists()


def test_the_contact_filter_with_year_9999_is_explained(client_for, censec_secretariat):
    response = client_for(censec_secretariat).get("/governance/contacts/?date_from=9999-12-31")
    assert response.status_code == 200 and date_range_message(response)


def test_an_import_row_dated_in_year_9999_names_its_line(client_for, censec_secretariat, orgs):
    Plan.objects.create(organisation=orgs["censec"], year=2027)
    data = (",".join(spreadsheets.COLUMNS) + "\r\nFar,,cluster,,9999-12-31,9999-12-31,,,,no,planned\r\n").encode()
    response = client_for(censec_secretariat).post("/activities/censec/2027/import/", {"file": SimpleUploadedFile("p.csv", data)})
    assert response.status_code == 400 and date_range_message(response)


def test_a_csv_cell_over_the_csv_limit_is_a_message_on_the_import_page(client_for, censec_secretariat, orgs):
    Plan.objects.create(organisation=orgs["censec"], year=2027)
    data = (",".join(spreadsheets.COLUMNS) + '\r\n"' + "x" * 140_000 + '",,cluster,,2027-03-01,2027-03-01,,,,no,planned\r\n').encode()
    response = client_for(censec_secretariat).post("/activities/censec/2027/import/", {"file": SimpleUploadedFile("p.csv", data)})
    assert response.status_code == 400
    assert "131,072" in response.content.decode()  # the line is "longer than 131,072 characters"
    assert not Activity.objects.exists()


def test_check_contact_refuses_year_9999(db):
    from django.core.management import CommandError, call_command

    with pytest.raises(CommandError, match="between 1900 and 2199"):
        call_command("check_contact", today="9999-12-31")


def test_the_notice_service_refuses_a_date_whose_end_does_not_exist(agreement, orgs, difos_director):
    from django.core.exceptions import ValidationError

    from agreement.services import notice_give

    with pytest.raises(ValidationError):
        notice_give(user=difos_director, agreement=agreement, party=orgs["difos"], given_on=dt.date(9999, 11, 1))

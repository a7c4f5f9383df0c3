"""The plan pages: who sees and edits what (also by guessed URLs), the table, and a fixed number of queries."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from activities.checks import match_keys
from activities.models import Activity
from agreement.models import TaskArea

STAFF = ["censec_secretariat", "difos_secretariat", "censec_director", "difos_director", "admin_user"]
NOT_STAFF = ["censec_board", "difos_observer", "censec_observer", "outsider"]


@pytest.fixture
def censec_activity(add_activity):
    return add_activity("censec", title="Droneworkshop", topics="droner")


@pytest.mark.parametrize("persona", STAFF)
def test_party_staff_and_administrators_see_both_plans(request, client_for, censec_activity, persona):
    client = client_for(request.getfixturevalue(persona))
    for path in ("/activities/", "/activities/censec/2027/", f"/activities/censec/2027/activities/{censec_activity.pk}/",
                 "/activities/censec/2027/export.csv", "/activities/timeline/2027/"):
        assert client.get(path).status_code == 200, path


@pytest.mark.parametrize("persona", NOT_STAFF)
def test_board_members_observers_and_outsiders_see_no_plans(request, client_for, censec_activity, persona):
    client = client_for(request.getfixturevalue(persona))
    assert client.get("/activities/").status_code == 403
    assert client.get("/activities/findings/").status_code == 403
    for path in ("/activities/censec/2027/", f"/activities/censec/2027/activities/{censec_activity.pk}/", "/activities/censec/2027/export.xlsx"):
        assert client.get(path).status_code == 404, path


def test_the_other_party_reads_but_cannot_change_by_any_url(client_for, censec_activity, difos_secretariat):
    client = client_for(difos_secretariat)
    page = client.get("/activities/censec/2027/").content.decode()
    assert 'data-testid="read-only"' in page and "/activities/censec/2027/activities/new/" not in page
    pk = censec_activity.pk
    attempts = {
        "/activities/censec/2027/activities/new/": {"title": "X"},
        f"/activities/censec/2027/activities/{pk}/": {"title": "Hacked", "version": 1},
        f"/activities/censec/2027/activities/{pk}/delete/": {},
        "/activities/censec/2027/submit/": {},
        "/activities/censec/2027/duplicate/": {"source_year": 2026},
        "/activities/censec/2027/import/": {},
    }
    for path, data in attempts.items():
        assert client.post(path, data).status_code == 403, path
    # The activity under another plan's URL is not found, whoever asks.
    assert client.post(f"/activities/difos/2027/activities/{pk}/", {"title": "Hacked"}).status_code == 404
    censec_activity.refresh_from_db()
    assert censec_activity.title == "Droneworkshop"


def test_the_secretariat_adds_edits_and_deletes_an_activity(client_for, plan_for, censec_secretariat):
    plan_for("censec")
    client = client_for(censec_secretariat)
    area = TaskArea.objects.get(slug="cluster")
    data = {"title": "Droneworkshop", "task_area": area.pk, "start": "2027-03-01", "end": "2027-03-02", "status": "planned",
            "topics": "droner", "counterparts": "", "target_groups": "SMV", "description": ""}
    assert client.post("/activities/censec/2027/activities/new/", data).status_code == 302
    activity = Activity.objects.get()
    bad = client.post(f"/activities/censec/2027/activities/{activity.pk}/", {**data, "end": "2027-02-01", "version": 1})
    assert bad.status_code == 200 and "id_end" in bad.content.decode()
    assert client.post(f"/activities/censec/2027/activities/{activity.pk}/", {**data, "title": "Droneseminar", "version": 1}).status_code == 302
    stale = client.post(f"/activities/censec/2027/activities/{activity.pk}/", {**data, "title": "Dronedag", "version": 1})
    assert stale.status_code == 409
    html = stale.content.decode()
    assert 'data-testid="stale"' in html and "Droneseminar" in html and 'value="Dronedag"' in html
    assert Activity.objects.get().title == "Droneseminar"
    assert client.post(f"/activities/censec/2027/activities/{activity.pk}/delete/").status_code == 302
    assert not Activity.objects.exists()



@pytest.mark.parametrize("version", [None, "", "x", "²", "0"])
def test_an_edit_without_a_valid_version_is_refused_and_overwrites_nothing(client_for, add_activity, censec_secretariat, version):
    activity = add_activity("censec", title="Droneworkshop")
    client = client_for(censec_secretariat)
    data = {"title": "Overwritten", "task_area": activity.task_area_id, "start": "2027-03-01", "end": "2027-03-01",
            "status": "planned", "topics": "", "counterparts": "", "target_groups": "", "description": ""}
    if version is not None:
        data["version"] = version
    response = client.post(f"/activities/censec/2027/activities/{activity.pk}/", data)
    assert response.status_code == 400
    assert Activity.objects.get().title == "Droneworkshop"
    if version is None:
        assert "version" in response.content.decode()


def test_the_table_filters_and_sorts(client_for, add_activity, censec_secretariat):
    add_activity("censec", title="Bravo", start=dt.date(2027, 5, 1))
    add_activity("censec", title="Alfa", start=dt.date(2027, 6, 1), area="political", status="done")
    client = client_for(censec_secretariat)
    html = client.get("/activities/censec/2027/?sort=title").content.decode()
    assert html.index(">Alfa<") < html.index(">Bravo<")
    html = client.get("/activities/censec/2027/?sort=-title").content.decode()
    assert html.index(">Bravo<") < html.index(">Alfa<")
    html = client.get("/activities/censec/2027/?status=done").content.decode()
    assert ">Alfa<" in html and ">Bravo<" not in html
    fragment = client.get("/activities/censec/2027/?q=brav", HTTP_HX_REQUEST="true", HTTP_HX_TARGET="activity-table")
    assert "<html" not in fragment.content.decode() and ">Bravo<" in fragment.content.decode()


def test_the_index_starts_a_plan_for_the_own_party_only(client_for, censec_secretariat, demo_users):
    client = client_for(censec_secretariat)
    this_year = dt.date.today().year
    html = client.get("/activities/").content.decode()
    assert f"/activities/censec/{this_year}/create/" in html and f"/activities/difos/{this_year}/create/" not in html
    assert client.post(f"/activities/censec/{this_year}/create/").status_code == 302
    assert client.post(f"/activities/difos/{this_year}/create/").status_code == 403


def test_the_matrix_row_is_suggested_from_the_text(client_for, censec_secretariat):
    html = client_for(censec_secretariat).get("/activities/suggest-row/?title=Møde+med+Lockheed+Martin").content.decode()
    assert 'data-row-suggestion' in html and "3.1" in html


def _fill(plan_for, n):
    plan = plan_for("censec")
    area = TaskArea.objects.get(slug="cluster")
    Activity.objects.bulk_create(
        Activity(plan=plan, title=f"Aktivitet {i}", task_area=area, start=dt.date(2027, 1, 1) + dt.timedelta(days=i % 365),
                 end=dt.date(2027, 1, 1) + dt.timedelta(days=i % 365), match_keys=match_keys(title=f"a{i}", topics="", counterparts="", target_groups=""))
        for i in range(n - Activity.objects.count())
    )


def test_the_plan_page_runs_the_same_queries_at_100_and_2000_activities(client_for, plan_for, censec_secretariat, difos_secretariat):
    counts = []
    for size in (100, 2000):
        _fill(plan_for, size)
        for user in (censec_secretariat, difos_secretariat):
            client = client_for(user)
            client.get("/activities/censec/2027/")  # warm the session
            with CaptureQueriesContext(connection) as queries:
                assert client.get("/activities/censec/2027/?sort=-start").status_code == 200
            counts.append(len(queries))
    assert counts[0] == counts[2] and counts[1] == counts[3], counts
    assert max(counts) <= 20


def test_the_secretariat_copies_last_years_plan_from_the_page(client_for, add_activity, plan_for, censec_secretariat):
    add_activity("censec", title="Årsmøde", start=dt.date(2026, 11, 18))
    plan_for("censec", 2027)
    client = client_for(censec_secretariat)
    assert "Kopiér fra 2026" in client.get("/activities/censec/2027/").content.decode()
    assert client.post("/activities/censec/2027/duplicate/", {"source_year": "abc"}).status_code == 404
    assert client.post("/activities/censec/2027/duplicate/", {"source_year": "2026"}).status_code == 302
    assert Activity.objects.filter(plan__year=2027, title="Årsmøde", start=dt.date(2027, 11, 18)).exists()

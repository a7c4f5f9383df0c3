"""/governance/contacts/: who sees and logs contacts, the forms and their validation, filters, CSV, history."""

import csv
import datetime as dt
import io

import pytest
import time_machine
from django.core.exceptions import PermissionDenied

from agreement.models import TaskArea
from coordination.selectors import contact_counts
from coordination.services import action_item_set_done
from coordination.models import ActionItem, DirectorContact, MonthRecord
from portal.once import new_token

from .contacts_factory import local, make_contact

STAFF = ["censec_secretariat", "difos_secretariat", "censec_director", "difos_director", "admin_user"]
OTHERS = ["censec_board", "difos_observer", "censec_observer", "outsider"]


@pytest.fixture
def contact(censec_director, difos_director, censec_secretariat):
    return make_contact(
        by=censec_secretariat,
        participants=[censec_director, difos_director],
        when=local(2026, 11, 10, 9, 30),
        form="video",
        decisions="Fælles høringssvar",
        items=[{"text": "Udkast til høringssvar", "owner": difos_director, "due_on": dt.date(2026, 11, 24)}],
    )


def form_data(people, **extra):
    data = {
        "once": new_token(),
        "occurred_at": "2026-11-17T14:00",
        "form": "phone",
        "participants": [u.pk for u in people],
        "task_areas": [TaskArea.objects.get(slug="cluster").pk],
        "activities_presented": "Matchmaking-event i marts",
        "decisions": "CenSec leder, DI FOS informerer",
        "items-TOTAL_FORMS": "2",
        "items-INITIAL_FORMS": "0",
        "items-MIN_NUM_FORMS": "0",
        "items-MAX_NUM_FORMS": "50",
        "items-0-text": "Send program",
        "items-0-owner": people[0].pk,
        "items-0-due_on": "2026-12-01",
    }
    return data | extra


@pytest.mark.parametrize("persona", STAFF)
@pytest.mark.parametrize("path", ["/governance/contacts/", "/governance/contacts/new/", "detail", "edit"])
def test_party_staff_and_administrators_see_and_log_contacts(request, client_for, contact, persona, path):
    path = {"detail": contact.get_absolute_url(), "edit": f"/governance/contacts/{contact.pk}/edit/"}.get(path, path)
    assert client_for(request.getfixturevalue(persona)).get(path).status_code == 200


@pytest.mark.parametrize("persona", OTHERS)
def test_board_members_observers_and_outsiders_see_no_contacts(request, client_for, contact, persona):
    client = client_for(request.getfixturevalue(persona))
    assert client.get("/governance/contacts/").status_code == 403
    assert client.get("/governance/contacts/new/").status_code == 403
    assert client.get(contact.get_absolute_url()).status_code == 404, f"contact {contact.pk} leaked"
    assert client.get(f"/governance/contacts/{contact.pk}/edit/").status_code == 404, f"contact {contact.pk} leaked"
    assert client.get("/governance/contacts/?format=csv").status_code == 403


@pytest.mark.parametrize("persona", OTHERS)
def test_only_party_staff_may_log_through_the_service(request, persona, censec_director, difos_director):
    with pytest.raises(PermissionDenied):
        make_contact(
            by=request.getfixturevalue(persona), participants=[censec_director, difos_director], when=local(2026, 11, 2)
        )
    assert not DirectorContact.objects.exists()


def test_a_director_logs_a_contact_with_an_action_item(client_for, censec_director, difos_director):
    client = client_for(censec_director)
    response = client.post("/governance/contacts/new/", form_data([censec_director, difos_director]), follow=True)
    contact = DirectorContact.objects.get()
    assert response.redirect_chain[-1][0] == contact.get_absolute_url()
    assert contact.logged_by == censec_director and contact.form == "phone"
    assert set(contact.participants.all()) == {censec_director, difos_director}
    assert [a.slug for a in contact.task_areas.all()] == ["cluster"]
    assert contact.action_items.get().owner == censec_director
    assert contact_counts(contact)
    assert "tæller ikke" not in response.content.decode()


def test_a_contact_without_both_directors_is_saved_with_a_warning(client_for, censec_director, difos_secretariat):
    response = client_for(censec_director).post(
        "/governance/contacts/new/", form_data([censec_director, difos_secretariat]), follow=True
    )
    assert DirectorContact.objects.count() == 1
    assert not contact_counts(DirectorContact.objects.get())
    assert "tæller ikke" in response.content.decode()


def test_a_contact_without_participants_is_refused_and_loses_nothing(client_for, censec_director):
    response = client_for(censec_director).post("/governance/contacts/new/", form_data([censec_director], participants=[]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Dette felt er påkrævet" in html
    assert "Matchmaking-event i marts" in html and "Send program" in html  # what was typed is still there
    assert not DirectorContact.objects.exists()


def test_an_action_item_without_a_due_date_is_refused(client_for, censec_director, difos_director):
    data = form_data([censec_director, difos_director], **{"items-0-due_on": ""})
    response = client_for(censec_director).post("/governance/contacts/new/", data)
    assert response.status_code == 200 and "Dette felt er påkrævet" in response.content.decode()
    assert not DirectorContact.objects.exists() and not ActionItem.objects.exists()


def test_a_nonsense_date_is_refused_with_a_message(client_for, censec_director, difos_director):
    response = client_for(censec_director).post(
        "/governance/contacts/new/", form_data([censec_director, difos_director], occurred_at="i går")
    )
    assert response.status_code == 200 and "gyldig" in response.content.decode()
    assert not DirectorContact.objects.exists()


def test_a_correction_is_kept_in_the_history(client_for, contact, difos_secretariat, censec_director, difos_director):
    item = contact.action_items.get()
    data = form_data([censec_director, difos_director], decisions="Ændret beslutning") | {
        "items-INITIAL_FORMS": "1",
        "items-0-id": item.pk,
        "items-0-text": item.text,
        "items-0-owner": item.owner.pk,
        "items-0-due_on": "2026-11-30",
        "items-0-done": "on",
    }
    response = client_for(difos_secretariat).post(f"/governance/contacts/{contact.pk}/edit/", data)
    assert response.status_code == 302
    contact.refresh_from_db()
    item.refresh_from_db()
    assert contact.decisions == "Ændret beslutning"
    assert item.done and item.done_at and item.due_on == dt.date(2026, 11, 30)
    assert [(h.history_type, h.decisions) for h in contact.history.order_by("history_date")] == [
        ("+", "Fælles høringssvar"),
        ("~", "Ændret beslutning"),
    ]
    assert {p.user for p in contact.history.first().participants.all()} == {censec_director, difos_director}
    assert contact.history.first().history_user == difos_secretariat
    assert "Ændret" in client_for(difos_secretariat).get(contact.get_absolute_url()).content.decode()


def test_an_action_item_from_another_contact_cannot_be_smuggled_in(client_for, contact, censec_director, difos_director):
    other = make_contact(by=censec_director, participants=[censec_director], when=local(2026, 11, 1),
                         items=[{"text": "Andet", "owner": censec_director, "due_on": dt.date(2026, 12, 1)}])
    data = form_data([censec_director, difos_director]) | {"items-0-id": other.action_items.get().pk}
    response = client_for(censec_director).post(f"/governance/contacts/{contact.pk}/edit/", data)
    assert response.status_code == 200
    assert other.action_items.get().text == "Andet"


def test_the_owner_ticks_an_action_item_off_once(client_for, contact, difos_director):
    item = contact.action_items.get()
    client = client_for(difos_director)
    assert client.post(f"/governance/contacts/actions/{item.pk}/done/", {"done": "1"}).status_code == 302
    item.refresh_from_db()
    assert item.done
    assert action_item_set_done(user=difos_director, item=item, done=True) is False
    assert item.history.count() == 2


def test_an_observer_cannot_tick_off_an_action_item(client_for, contact, difos_observer):
    item = contact.action_items.get()
    assert client_for(difos_observer).post(f"/governance/contacts/actions/{item.pk}/done/", {"done": "1"}).status_code == 404
    item.refresh_from_db()
    assert not item.done


@pytest.fixture
def log(censec_director, difos_director, censec_secretariat, difos_secretariat):
    cluster, political = TaskArea.objects.get(slug="cluster"), TaskArea.objects.get(slug="political")
    return {
        "both": make_contact(by=censec_director, participants=[censec_director, difos_director], when=local(2026, 9, 8),
                             task_areas=[cluster]),
        "censec": make_contact(by=censec_director, participants=[censec_director, censec_secretariat],
                               when=local(2026, 10, 6), form="email", task_areas=[]),
        "difos": make_contact(by=difos_director, participants=[difos_director, difos_secretariat],
                              when=local(2026, 11, 3), form="phone", task_areas=[political]),
    }


@pytest.mark.parametrize(
    "query, expected",
    [
        ("", ["difos", "censec", "both"]),
        ("party=censec", ["censec", "both"]),
        ("party=difos", ["difos", "both"]),
        ("form=email", ["censec"]),
        ("date_from=2026-10-01&date_to=2026-10-31", ["censec"]),
        ("task_area=cluster", ["both"]),
        ("party=difos&task_area=political", ["difos"]),
    ],
)
def test_the_log_filters(client_for, censec_secretariat, log, query, expected):
    response = client_for(censec_secretariat).get(f"/governance/contacts/?{query}")
    shown = [c.pk for c in response.context["page"]]
    assert shown == [log[name].pk for name in expected]


def test_a_backwards_date_range_is_explained(client_for, censec_secretariat, log):
    response = client_for(censec_secretariat).get("/governance/contacts/?date_from=2026-11-01&date_to=2026-10-01")
    assert "efter" in response.content.decode()
    assert len(response.context["page"].object_list) == 3  # the bad filter is not applied


def test_the_csv_export_has_the_filtered_log(client_for, censec_secretariat, log):
    response = client_for(censec_secretariat).get("/governance/contacts/?party=censec&format=csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [r["id"] for r in rows] == [str(log["censec"].pk), str(log["both"].pk)]
    assert rows[1]["counts"] == "yes" and rows[0]["counts"] == "no"
    assert rows[1]["task_areas"] == "cluster" and rows[1]["date"] == "2026-09-08 10:00"
    assert rows[0]["participants"] == "censec-director | censec-secretariat"


@time_machine.travel(dt.datetime(2026, 11, 12, 12, tzinfo=dt.UTC), tick=False)
def test_the_log_shows_the_month_by_month_record(client_for, censec_secretariat):
    MonthRecord.objects.create(month=dt.date(2026, 9, 1), status="kept")
    MonthRecord.objects.create(month=dt.date(2026, 10, 1), status="missed")
    html = client_for(censec_secretariat).get("/governance/contacts/").content.decode()
    assert 'data-month="2026-11" data-status="open"' in html
    assert 'data-month="2026-10" data-status="missed"' in html
    assert 'data-month="2026-09" data-status="kept"' in html


def test_the_csv_export_neutralises_formulas(client_for, censec_secretariat, censec_director, difos_director):
    hostile = ['=HYPERLINK("http://evil.example","klik")', "-2+3+cmd|' /C calc'!A0", "@cmd"]
    make_contact(
        by=censec_secretariat, participants=[censec_director, difos_director], when=local(2026, 11, 10),
        activities_presented=hostile[0], decisions=hostile[1],
        items=[{"text": hostile[2], "owner": difos_director, "due_on": dt.date(2026, 11, 24)}],
    )
    rows = list(csv.DictReader(io.StringIO(client_for(censec_secretariat).get("/governance/contacts/?format=csv").content.decode())))
    assert rows[0]["activities_presented"] == "'" + hostile[0]
    assert rows[0]["decisions"] == "'" + hostile[1]
    assert rows[0]["action_items"].startswith("'@cmd")


def test_the_same_new_contact_form_posted_twice_logs_one_contact(client_for, censec_director, difos_director):
    client = client_for(censec_director)
    data = form_data([censec_director, difos_director])
    first = client.post("/governance/contacts/new/", data)
    second = client.post("/governance/contacts/new/", data)  # a double click: the same token
    contact = DirectorContact.objects.get()
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"] == contact.get_absolute_url()
    assert contact.action_items.count() == 1
    # a fresh form (a new token) logs a second contact, as it should
    assert client.post("/governance/contacts/new/", form_data([censec_director, difos_director])).status_code == 302
    assert DirectorContact.objects.count() == 2


def test_the_contact_page_costs_the_same_queries_with_few_and_many_findings_settled_there(
    client_for, censec_director, difos_director, censec_secretariat
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from activities.models import Activity, Finding, Plan
    from coordination.models import FindingWord, WordAction, WordOutcome

    contact = make_contact(by=censec_secretariat, participants=[censec_director, difos_director], when=local(2026, 11, 17))
    plan = Plan.objects.create(organisation=censec_director.roles.first().organisation, year=2027)
    area = TaskArea.objects.get(slug="cluster")

    def settle(n):
        for i in range(n):
            activity = Activity.objects.create(plan=plan, title=f"Aktivitet {i}", task_area=area,
                                               start=dt.date(2027, 3, 1), end=dt.date(2027, 3, 1))
            finding = Finding.objects.create(kind="responsibility", rule="1.1", key=f"r:{contact.pk}:{activity.pk}", year=2027,
                                             status="resolved")
            finding.activities.add(activity)
            FindingWord.objects.create(finding=finding, party=difos_director.roles.first().organisation, user=difos_director,
                                       action=WordAction.ACKNOWLEDGE, outcome=WordOutcome.INFORMED, reason="Aftalt", contact=contact)

    client = client_for(censec_director)

    def queries():
        client.get(contact.get_absolute_url())
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(contact.get_absolute_url()).status_code == 200
        return len(ctx.captured_queries)

    settle(2)
    few = queries()
    settle(20)
    assert queries() == few

"""The admin lists contacts, action items and month records for administrators."""

import datetime as dt

from coordination.models import DirectorContact, MonthRecord

from .contacts_factory import local, make_contact


def test_an_administrator_browses_contacts_and_records(client_for, admin_user, censec_director, difos_director):
    contact = make_contact(by=admin_user, participants=[censec_director, difos_director], when=local(2026, 11, 3),
                           items=[{"text": "Følg op", "owner": censec_director, "due_on": dt.date(2026, 11, 20)}])
    MonthRecord.objects.create(month=dt.date(2026, 10, 1), status="missed")
    client = client_for(admin_user)
    for path in ("/admin/coordination/directorcontact/", f"/admin/coordination/directorcontact/{contact.pk}/change/",
                 f"/admin/coordination/directorcontact/{contact.pk}/history/", "/admin/coordination/actionitem/",
                 "/admin/coordination/monthrecord/"):
        assert client.get(path).status_code == 200, path
    assert client.get("/admin/coordination/monthrecord/add/").status_code == 403


def _admin_form(participants, *, day="2026-10-14", items=()):
    from agreement.models import TaskArea

    data = {
        "occurred_at_0": day, "occurred_at_1": "10:00:00", "form": "meeting",
        "participants": [p.pk for p in participants], "activities_presented": "", "decisions": "Aftalt i admin",
        "task_areas": [TaskArea.objects.get(slug="cluster").pk],
        "action_items-TOTAL_FORMS": str(len(items)), "action_items-INITIAL_FORMS": "0",
        "action_items-MIN_NUM_FORMS": "0", "action_items-MAX_NUM_FORMS": "1000",
    }
    for i, item in enumerate(items):
        data |= {f"action_items-{i}-{k}": v for k, v in item.items()}
    return data


def test_a_contact_added_in_the_admin_turns_a_missed_month_kept(client_for, admin_user, censec_director, difos_director):
    MonthRecord.objects.create(month=dt.date(2026, 10, 1), status="missed")
    items = [{"text": "Send udkast", "owner": difos_director.pk, "due_on": "2026-10-28"}]
    response = client_for(admin_user).post(
        "/admin/coordination/directorcontact/add/", _admin_form([censec_director, difos_director], items=items)
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    contact = DirectorContact.objects.get()
    assert contact.logged_by == admin_user
    assert [i.text for i in contact.action_items.all()] == ["Send udkast"]
    assert MonthRecord.objects.get(month=dt.date(2026, 10, 1)).status == "kept"
    assert [h.history_type for h in contact.history.all()] == ["+"]


def test_a_contact_corrected_in_the_admin_turns_a_missed_month_kept(client_for, admin_user, censec_director, difos_director):
    contact = make_contact(by=censec_director, participants=[censec_director], when=local(2026, 10, 14))
    MonthRecord.objects.create(month=dt.date(2026, 10, 1), status="missed")
    response = client_for(admin_user).post(
        f"/admin/coordination/directorcontact/{contact.pk}/change/", _admin_form([censec_director, difos_director])
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert set(contact.participants.all()) == {censec_director, difos_director}
    assert MonthRecord.objects.get(month=dt.date(2026, 10, 1)).status == "kept"
    assert contact.logged_by == censec_director


def test_old_admin_links_to_contacts_lead_to_their_new_place(client_for, admin_user, censec_director, difos_director):
    contact = make_contact(by=censec_director, participants=[censec_director, difos_director], when=local(2026, 11, 3))
    client = client_for(admin_user)
    response = client.get(f"/admin/governance/directorcontact/{contact.pk}/change/?_changelist_filters=form%3Dmeeting")
    assert response.status_code == 301
    assert response["Location"] == f"/admin/coordination/directorcontact/{contact.pk}/change/?_changelist_filters=form%3Dmeeting"
    assert client.get(response["Location"]).status_code == 200
    assert client.get("/admin/governance/monthrecord/", follow=True).redirect_chain[-1][0] == "/admin/coordination/monthrecord/"

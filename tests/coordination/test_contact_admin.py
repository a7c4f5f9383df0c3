"""The admin lists contacts, action items and month records for administrators."""

import datetime as dt

from coordination.models import MonthRecord

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

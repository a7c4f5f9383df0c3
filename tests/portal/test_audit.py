import datetime as dt

from agreement import services


def test_administrators_see_who_changed_what(client_for, admin_user, agreement, orgs, difos_director):
    notice = services.notice_give(user=difos_director, agreement=agreement, party=orgs["difos"], given_on=dt.date(2027, 1, 15))
    services.notice_withdraw(user=difos_director, notice=notice)
    response = client_for(admin_user).get("/audit/", {"model": "agreement.notice"})
    changes = response.context["changes"]
    assert [(str(c.action), c.who) for c in changes] == [("ændret", difos_director), ("oprettet", difos_director)]
    assert set(changes[0].changed_fields) == {"withdrawn_at", "withdrawn_by"}


def test_the_audit_filters_by_person(client_for, admin_user, agreement, orgs, difos_director, censec_director):
    services.notice_give(user=difos_director, agreement=agreement, party=orgs["difos"], given_on=dt.date(2027, 1, 15))
    response = client_for(admin_user).get("/audit/", {"user": censec_director.pk})
    assert response.context["changes"] == []


def test_only_administrators_open_the_audit(client_for, censec_director):
    assert client_for(censec_director).get("/audit/").status_code == 403

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError

from agreement import services
from agreement.models import Notice
from portal.dates import add_months


@pytest.mark.parametrize(
    "given, ends",
    [
        (dt.date(2027, 1, 15), dt.date(2027, 4, 15)),
        (dt.date(2026, 11, 30), dt.date(2027, 2, 28)),
        (dt.date(2027, 1, 31), dt.date(2027, 4, 30)),
        (dt.date(2027, 11, 30), dt.date(2028, 2, 29)),
        (dt.date(2026, 10, 1), dt.date(2027, 1, 1)),
    ],
)
def test_notice_ends_three_calendar_months_later(given, ends):
    assert add_months(given, 3) == ends


def test_a_director_gives_notice_for_their_party(agreement, orgs, difos_director):
    notice = services.notice_give(user=difos_director, agreement=agreement, party=orgs["difos"], given_on=dt.date(2027, 1, 15))
    assert notice.ends_on == dt.date(2027, 4, 15)
    assert notice.recorded_by == difos_director
    assert notice.history.count() == 1


@pytest.mark.parametrize("persona", ["censec_director", "difos_secretariat", "difos_observer"])
def test_only_the_partys_director_may_give_its_notice(request, agreement, orgs, persona):
    user = request.getfixturevalue(persona)
    with pytest.raises(PermissionDenied):
        services.notice_give(user=user, agreement=agreement, party=orgs["difos"], given_on=dt.date(2027, 1, 15))
    assert not Notice.objects.exists()


def test_di_is_not_a_party_that_can_give_notice(agreement, orgs, admin_user):
    with pytest.raises(ValidationError):
        services.notice_give(user=admin_user, agreement=agreement, party=orgs["di"], given_on=dt.date(2027, 1, 15))


def test_both_parties_directors_and_secretariats_are_told_once(agreement, orgs, demo_users, django_capture_on_commit_callbacks):
    from django.core import mail

    from portal.notifications import deliver_pending

    notice = services.notice_give(
        user=demo_users["difos-director"], agreement=agreement, party=orgs["difos"], given_on=dt.date(2027, 1, 15)
    )
    deliver_pending()
    told = sorted(m.to[0] for m in mail.outbox)
    assert told == sorted(demo_users[u].email for u in ("censec-director", "difos-director", "censec-secretariat", "difos-secretariat"))
    assert "15. april 2027" in mail.outbox[0].subject
    services.notice_withdraw(user=demo_users["difos-director"], notice=notice)
    deliver_pending()
    assert len(mail.outbox) == 8
    assert "trukket" in mail.outbox[-1].subject


def test_only_one_notice_can_stand(agreement, orgs, difos_director, censec_director):
    services.notice_give(user=difos_director, agreement=agreement, party=orgs["difos"], given_on=dt.date(2027, 1, 15))
    with pytest.raises(ValidationError):
        services.notice_give(user=censec_director, agreement=agreement, party=orgs["censec"], given_on=dt.date(2027, 2, 1))


def test_withdrawing_keeps_the_record_and_allows_a_new_notice(agreement, orgs, difos_director):
    notice = services.notice_give(user=difos_director, agreement=agreement, party=orgs["difos"], given_on=dt.date(2027, 1, 15))
    services.notice_withdraw(user=difos_director, notice=notice)
    notice.refresh_from_db()
    assert notice.withdrawn_by == difos_director and notice.withdrawn_at is not None
    assert notice.history.count() == 2
    with pytest.raises(ValidationError):
        services.notice_withdraw(user=difos_director, notice=notice)
    services.notice_give(user=difos_director, agreement=agreement, party=orgs["difos"], given_on=dt.date(2027, 3, 1))


def test_the_other_partys_director_cannot_withdraw(agreement, orgs, difos_director, censec_director):
    notice = services.notice_give(user=difos_director, agreement=agreement, party=orgs["difos"], given_on=dt.date(2027, 1, 15))
    with pytest.raises(PermissionDenied):
        services.notice_withdraw(user=censec_director, notice=notice)


@time_machine.travel(dt.datetime(2027, 2, 1, 12, tzinfo=dt.UTC))
def test_the_page_records_notice_and_every_page_shows_the_end_date(agreement, client_for, difos_director, orgs):
    client = client_for(difos_director)
    response = client.post("/agreement/", {"party": orgs["difos"].pk, "given_on": "2027-01-15", "reason": ""}, follow=True)
    assert response.status_code == 200
    assert Notice.objects.get().ends_on == dt.date(2027, 4, 15)
    for path in ("/", "/agreement/", "/agreement/matrix/"):
        html = client.get(path).content.decode()
        assert 'data-testid="notice-banner"' in html, path
        assert "15. april 2027" in html, path


@time_machine.travel(dt.datetime(2027, 5, 1, 12, tzinfo=dt.UTC))
def test_after_the_end_date_the_agreement_shows_as_ended(agreement, client_for, difos_director, orgs):
    services.notice_give(user=difos_director, agreement=agreement, party=orgs["difos"], given_on=dt.date(2027, 1, 15))
    html = client_for(difos_director).get("/agreement/").content.decode()
    assert "Ophørt" in html


def test_the_page_offers_no_notice_form_to_secretariat(agreement, client_for, censec_secretariat):
    html = client_for(censec_secretariat).get("/agreement/").content.decode()
    assert 'name="given_on"' not in html


def test_a_secretariat_post_is_refused(agreement, client_for, censec_secretariat, orgs):
    response = client_for(censec_secretariat).post("/agreement/", {"party": orgs["censec"].pk, "given_on": "2027-01-15"})
    assert response.status_code == 200  # the form re-renders; the party is not a valid choice
    assert not Notice.objects.exists()


def test_a_bad_date_gets_a_clear_message(agreement, client_for, censec_director, orgs):
    response = client_for(censec_director).post("/agreement/", {"party": orgs["censec"].pk, "given_on": "31-02-2027"})
    assert response.status_code == 200
    assert "gyldig dato" in response.content.decode()
    assert not Notice.objects.exists()

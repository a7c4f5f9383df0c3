"""§5 C-MONTHLY as the agreement words it: a contact counts when both directors took part and a §4 topic was
discussed; the rule runs from the month the agreement was loaded until a notice has ended it; a second month in a row
without contact goes to both boards' chairs, once; its words say "should" (bør)."""

import datetime as dt
import io

import pytest
import time_machine
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command

from agreement.models import Agreement, Notice, TaskArea
from agreement.services import agreement_load
from coordination.models import DirectorContact, MonthRecord
from coordination.selectors import contact_counts, contact_shortfalls
from governance.models import Board, Person, Seat, SeatRole
from governance.selectors import board_chairs
from portal.models import Notification
from portal.once import new_token

from .contacts_factory import agreement_loaded, local, make_contact


def run(today: dt.date) -> str:
    out = io.StringIO()
    call_command("check_contact", "--today", today.isoformat(), stdout=out)
    return out.getvalue()


def keys(**filters) -> list[str]:
    return sorted(set(Notification.objects.filter(kind="contact_month", **filters).values_list("key", flat=True)))


def post_contact(client, people, *, topics=("cluster",), **extra):
    data = {
        "once": new_token(),
        "occurred_at": "2026-11-17T14:00",
        "form": "meeting",
        "participants": [u.pk for u in people],
        "task_areas": [TaskArea.objects.get(slug=slug).pk for slug in topics],
        "decisions": "CenSec leder, DI FOS informerer",
        "items-TOTAL_FORMS": "0",
        "items-INITIAL_FORMS": "0",
        "items-MIN_NUM_FORMS": "0",
        "items-MAX_NUM_FORMS": "50",
    }
    return client.post("/governance/contacts/new/", data | extra, follow=True)


# --- What counts -------------------------------------------------------------------------------------


def test_a_contact_of_both_directors_on_a_4_topic_counts(client_for, censec_director, difos_director):
    response = post_contact(client_for(censec_director), [censec_director, difos_director])
    contact = DirectorContact.objects.get()
    assert contact_counts(contact) and contact_shortfalls(contact) == []
    html = response.content.decode()
    assert 'data-testid="contact-shortfalls"' not in html
    assert "Tæller med i månedsreglen" in html


def test_a_contact_with_no_4_topic_is_saved_but_does_not_count_and_the_page_says_why(
    client_for, censec_director, difos_director
):
    response = post_contact(client_for(censec_director), [censec_director, difos_director], topics=())
    contact = DirectorContact.objects.get()  # saved all the same
    assert not contact_counts(contact)
    assert contact_shortfalls(contact) == ["ingen af emnerne i pkt. 4 blev drøftet"]
    html = response.content.decode()
    assert "gemt, men tæller ikke med i månedsreglen" in html  # the message after saving
    assert 'data-testid="contact-shortfalls"' in html  # and the contact's page
    assert "ingen af emnerne i pkt. 4 blev drøftet" in html
    assert "bør" in html


def test_a_contact_with_only_one_director_does_not_count_and_the_page_names_the_missing_party(
    client_for, censec_director, difos_secretariat
):
    post_contact(client_for(censec_director), [censec_director, difos_secretariat])
    contact = DirectorContact.objects.get()
    assert not contact_counts(contact)
    assert contact_shortfalls(contact) == ["ingen direktør fra DI FOS deltog"]
    html = client_for(censec_director).get(contact.get_absolute_url()).content.decode()
    assert "ingen direktør fra DI FOS deltog" in html
    assert "ingen af emnerne i pkt. 4" not in html


def test_a_month_with_only_a_topicless_contact_is_not_kept(censec_director, difos_director, censec_secretariat):
    make_contact(by=censec_secretariat, participants=[censec_director, difos_director], when=local(2026, 9, 8), task_areas=[])
    make_contact(by=censec_secretariat, participants=[censec_director, difos_director], when=local(2026, 10, 8))
    run(dt.date(2026, 10, 1))
    run(dt.date(2026, 11, 1))
    records = dict(MonthRecord.objects.values_list("month", "status"))
    assert records == {dt.date(2026, 9, 1): "missed", dt.date(2026, 10, 1): "kept"}


# --- From the load month -----------------------------------------------------------------------------


def test_the_first_run_records_no_month_before_the_agreement_was_loaded_and_tells_no_one(
    censec_director, difos_director
):
    agreement_loaded(local(2026, 11, 18))
    run(dt.date(2026, 11, 18))
    run(dt.date(2026, 11, 19))
    assert not MonthRecord.objects.exists()  # October was before the portal
    assert keys() == []
    assert mail.outbox == []
    run(dt.date(2026, 11, 20))  # the load month itself is covered: its reminder goes out
    assert keys() == ["2026-11:reminder"]


def test_a_month_after_the_load_month_is_recorded_and_told(censec_director, difos_director):
    agreement_loaded(local(2026, 9, 30))
    run(dt.date(2026, 11, 1))
    assert dict(MonthRecord.objects.values_list("month", "status")) == {dt.date(2026, 10, 1): "missed"}
    assert keys() == ["2026-10:missed"]
    assert len(mail.outbox) == 4  # both directors and both secretariats


def test_loading_the_agreement_again_keeps_its_load_time(agreement):
    agreement_loaded(local(2026, 3, 2))
    agreement_load()
    assert Agreement.objects.get().loaded_at == local(2026, 3, 2)


def test_a_fresh_load_is_stamped_now(db):
    with time_machine.travel(local(2026, 5, 4, 12), tick=False):
        agreement_load()
    assert Agreement.objects.get().loaded_at == local(2026, 5, 4, 12)


# --- Until a notice has ended the agreement ----------------------------------------------------------


def _notice(*, given_on, ends_on, by, withdrawn=False):
    agreement = Agreement.objects.get()
    notice = Notice.objects.create(
        agreement=agreement, party=agreement.parties.get(slug="difos"), given_on=given_on, ends_on=ends_on, recorded_by=by,
        withdrawn_at=local(2026, 9, 1) if withdrawn else None, withdrawn_by=by if withdrawn else None,
    )
    cache.clear()
    return notice


def test_no_reminders_and_no_record_after_a_notice_has_ended_the_agreement(
    client_for, censec_director, difos_director
):
    _notice(given_on=dt.date(2026, 8, 10), ends_on=dt.date(2026, 11, 10), by=difos_director)
    for day in range(1, 31):
        run(dt.date(2026, 11, day))
    run(dt.date(2026, 12, 1))
    run(dt.date(2026, 12, 28))
    # October, in force to its last day, is recorded; November (ended on the 10th) and December are not.
    assert dict(MonthRecord.objects.values_list("month", "status")) == {dt.date(2026, 10, 1): "missed"}
    assert keys() == ["2026-10:missed"]
    with time_machine.travel(local(2026, 11, 25, 12), tick=False):
        html = client_for(censec_director).get("/").content.decode()
    assert 'data-status="ended"' in html
    assert "dage tilbage" not in html and "dag tilbage" not in html


def test_under_notice_the_reminders_go_on_until_the_agreement_ends(client_for, censec_director, difos_director):
    _notice(given_on=dt.date(2026, 10, 1), ends_on=dt.date(2027, 1, 1), by=difos_director)
    run(dt.date(2026, 11, 20))
    assert keys() == ["2026-10:missed", "2026-11:reminder"]
    with time_machine.travel(local(2026, 11, 25, 12), tick=False):
        html = client_for(censec_director).get("/").content.decode()
    assert 'data-status="open"' in html and "6 dage tilbage" in html


def test_a_withdrawn_notice_stops_nothing(censec_director, difos_director):
    _notice(given_on=dt.date(2026, 6, 1), ends_on=dt.date(2026, 9, 1), by=difos_director, withdrawn=True)
    run(dt.date(2026, 11, 20))
    assert keys() == ["2026-10:missed", "2026-11:reminder"]


# --- Escalation to both chairs -----------------------------------------------------------------------


@pytest.fixture
def chairs(orgs, django_user_model):
    """A chair with a portal account on each party's board, and a vice-chair who is not told."""
    users = {}
    for slug in ("censec", "difos"):
        board, _ = Board.objects.get_or_create(organisation=orgs[slug], defaults={"name": f"Bestyrelsen for {slug}"})
        for role in (SeatRole.CHAIR, SeatRole.VICE_CHAIR):
            user = django_user_model.objects.create_user(f"{slug}-{role}", email=f"{role}@{slug}.example", password="x")
            person = Person.objects.create(name=f"{slug} {role}", user=user)
            Seat.objects.create(board=board, person=person, role=role, term_start=dt.date(2025, 1, 1))
            users[(slug, role)] = user
    return users


def test_board_chairs_are_the_current_chairs_with_an_account(chairs, orgs):
    assert {u.username for u in board_chairs(today=dt.date(2026, 11, 1))} == {"censec-chair", "difos-chair"}
    Seat.objects.filter(person__user=chairs[("difos", SeatRole.CHAIR)]).update(term_end=dt.date(2026, 6, 30))
    assert {u.username for u in board_chairs(today=dt.date(2026, 11, 1))} == {"censec-chair"}


def test_a_second_missed_month_in_a_row_is_escalated_once_to_both_chairs(chairs, censec_director, difos_director):
    agreement_loaded(local(2026, 8, 15))
    run(dt.date(2026, 10, 1))  # September missed: the first, not escalated
    assert keys() == ["2026-09:missed"]
    assert not Notification.objects.filter(key__endswith=":escalated").exists()
    for _ in range(3):
        run(dt.date(2026, 11, 1))  # October missed too: escalated, once whatever the number of runs
    run(dt.date(2026, 11, 2))
    escalated = Notification.objects.filter(key="2026-10:escalated")
    assert sorted(n.recipient.username for n in escalated) == ["censec-chair", "difos-chair"]
    assert escalated.first().url == "/governance/contacts/months/"
    to_chairs = [m for m in mail.outbox if m.to[0] in ("chair@censec.example", "chair@difos.example")]
    assert len(to_chairs) == 2
    assert "bør" in to_chairs[0].body and "september 2026" in to_chairs[0].body and "oktober 2026" in to_chairs[0].body
    assert not [m for m in mail.outbox if "vice_chair" in m.to[0]]


def test_a_kept_month_in_between_means_no_escalation(chairs, censec_director, difos_director, censec_secretariat):
    agreement_loaded(local(2026, 7, 1))
    run(dt.date(2026, 9, 1))  # August missed
    make_contact(by=censec_secretariat, participants=[censec_director, difos_director], when=local(2026, 9, 9))
    run(dt.date(2026, 10, 1))  # September kept
    run(dt.date(2026, 11, 1))  # October missed: the first in a row again
    assert keys() == ["2026-08:missed", "2026-10:missed"]


def test_a_missed_month_before_the_load_month_never_makes_an_escalation(chairs, censec_director, difos_director):
    MonthRecord.objects.create(month=dt.date(2026, 9, 1), status="missed")  # e.g. from an earlier trial database
    agreement_loaded(local(2026, 10, 3))
    run(dt.date(2026, 11, 1))
    assert keys() == ["2026-10:missed"]


def test_the_chairs_see_the_month_record_and_an_ordinary_board_member_does_not(
    client_for, chairs, censec_board, censec_director
):
    MonthRecord.objects.create(month=dt.date(2026, 10, 1), status="missed")
    response = client_for(chairs[("difos", SeatRole.CHAIR)]).get("/governance/contacts/months/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-month="2026-10" data-status="missed"' in html
    assert "Ingen kontakt" in html and "bør" in html
    assert client_for(chairs[("difos", SeatRole.CHAIR)]).get("/governance/contacts/").status_code == 403
    assert client_for(chairs[("censec", SeatRole.VICE_CHAIR)]).get("/governance/contacts/months/").status_code == 403
    assert client_for(censec_board).get("/governance/contacts/months/").status_code == 403
    assert client_for(censec_director).get("/governance/contacts/months/").status_code == 200


# --- "Should", not "must" ---------------------------------------------------------------------------


def test_reminders_and_records_say_should_in_danish_and_english(censec_director, difos_director, settings):
    """The emails are written in the portal's language (LANGUAGE_CODE): Danish here, English when it is "en"."""
    run(dt.date(2026, 11, 20))
    run(dt.date(2026, 12, 1))
    bodies = [m.body for m in mail.outbox]
    assert bodies and all("bør" in body for body in bodies)
    assert not any("kræver" in body for body in bodies)
    from portal.notifications import render_message

    settings.LANGUAGE_CODE = "en"
    for template, context in (
        ("contact-reminder", {"month": dt.date(2026, 11, 1), "stage": "warning", "deadline": dt.date(2026, 11, 30), "days_left": 3}),
        ("contact-missed", {"month": dt.date(2026, 11, 1)}),
        ("contact-escalated", {"month": dt.date(2026, 11, 1), "previous_month": dt.date(2026, 10, 1)}),
    ):
        subject, body, _html = render_message(template, context)
        assert "should" in body and "must" not in body and "requirement" not in body, template
        assert "warning" not in subject.lower(), subject

"""Invitations (§3.2: observers attend and speak): one email per person per change, an iCalendar invitation
that a second, independent parser (vobject; icalendar writes it) reads, RSVP in the portal, the feed."""

from datetime import timedelta

import pytest
import vobject
from django.core import mail
from django.utils import timezone

from governance import demo, services_meetings
from governance.models import Attendance, Meeting, MeetingKind
from portal.models import Notification
from portal.notifications import deliver_pending

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(demo_users):
    demo.seed(users=demo_users)
    return demo_users


@pytest.fixture
def board(seeded):
    from governance.models import Board

    return Board.objects.get(organisation__slug="censec")


def _create(board, by, title="Strategiseminar 2028"):
    start = (timezone.now() + timedelta(days=40)).replace(second=0, microsecond=0)
    return services_meetings.meeting_create(
        board=board, kind=MeetingKind.STRATEGY_SEMINAR, title=title, starts_at=start, ends_at=start + timedelta(hours=6),
        place="Billund", by=by,
    )


def _calendar_parts(message):
    """(content type, method parameter, text) of every text/calendar part of a sent email."""
    parsed = message.message()
    return [
        (part.get_content_type(), part.get_param("method"), part.get_content(), part.get_filename())
        for part in parsed.walk()
        if part.get_content_type() == "text/calendar"
    ]


def _invitees(board):
    from governance.selectors_meetings import invitees

    return invitees(Meeting.objects.filter(board=board).first())


def _parse(text):
    """Parsed by vobject, which did not write it (icalendar did)."""
    return vobject.readOne(text)


def test_every_member_and_observer_gets_one_invitation_email(board, censec_secretariat, censec_board, difos_observer, censec_director):
    meeting = _create(board, censec_secretariat)
    deliver_pending()
    invited = {p.email for p in _invitees(board)}
    assert {censec_board.email, difos_observer.email} <= invited
    assert censec_director.email not in invited and censec_secretariat.email not in invited
    assert sorted(m.to[0] for m in mail.outbox) == sorted(invited)  # one each
    message = next(m for m in mail.outbox if m.to == [difos_observer.email])
    parts = _calendar_parts(message)
    assert {(ctype, method) for ctype, method, *_ in parts} == {("text/calendar", "REQUEST")}
    assert any(name == "invitation.ics" for *_, name in parts)  # attached, and as an alternative part for Outlook
    cal = _parse(parts[0][2])
    assert cal.method.value == "REQUEST"
    event = cal.vevent
    assert event.uid.value == f"meeting-{meeting.pk}@samarbejdsportalen"
    assert int(event.sequence.value) == 0
    assert event.dtstart.value == meeting.starts_at
    assert event.location.value == "Billund"
    assert event.organizer.value.lower().startswith("mailto:")
    attendees = {a.value.lower() for a in event.attendee_list}
    assert f"mailto:{difos_observer.email}".lower() in attendees and f"mailto:{censec_board.email}".lower() in attendees
    assert Notification.objects.filter(kind="meeting_invitation", key=f"meeting:{meeting.pk}:seq:0").count() == len(invited)


def test_a_move_sends_one_update_with_a_higher_sequence_and_the_same_uid(board, censec_secretariat, difos_observer):
    meeting = _create(board, censec_secretariat)
    deliver_pending()
    mail.outbox.clear()
    services_meetings.meeting_update(meeting=meeting, by=censec_secretariat, starts_at=meeting.starts_at + timedelta(days=1),
                                     ends_at=meeting.ends_at + timedelta(days=1))
    # the same call again changes nothing and sends nothing
    meeting.refresh_from_db()
    services_meetings.meeting_update(meeting=meeting, by=censec_secretariat, starts_at=meeting.starts_at)
    deliver_pending()
    to_observer = [m for m in mail.outbox if m.to == [difos_observer.email]]
    assert len(to_observer) == 1
    assert len(mail.outbox) == len(_invitees(board))
    event = _parse(_calendar_parts(to_observer[0])[0][2]).vevent
    assert int(event.sequence.value) == 1
    assert event.uid.value == f"meeting-{meeting.pk}@samarbejdsportalen"
    assert event.dtstart.value == meeting.starts_at


def test_cancelling_sends_method_cancel(board, censec_secretariat, difos_observer):
    meeting = _create(board, censec_secretariat)
    services_meetings.meeting_cancel(meeting=meeting, by=censec_secretariat)
    deliver_pending()
    to_observer = [m for m in mail.outbox if m.to == [difos_observer.email]]
    assert len(to_observer) == 2  # the invitation, then the cancellation: never bundled together
    cancel = next(m for m in to_observer if any(method == "CANCEL" for _c, method, *_ in _calendar_parts(m)))
    cal = _parse(_calendar_parts(cancel)[0][2])
    assert cal.method.value == "CANCEL"
    assert cal.vevent.status.value == "CANCELLED" and int(cal.vevent.sequence.value) == 1


def test_members_of_the_other_board_are_not_invited(board, censec_secretariat, difos_member):
    meeting = _create(board, censec_secretariat)
    deliver_pending()
    invited = {m.to[0] for m in mail.outbox if meeting.title in m.subject}
    assert invited and difos_member.email not in invited
    assert not Notification.objects.filter(recipient=difos_member, key__startswith=f"meeting:{meeting.pk}:").exists()


def test_creating_through_the_page_sends_invitations_once_for_a_double_click(board, client_for, censec_secretariat):
    from portal.once import new_token

    start = timezone.localtime(timezone.now() + timedelta(days=30))
    data = {"board": board.pk, "kind": MeetingKind.BOARD_MEETING, "title": "Ekstra møde", "once": new_token(),
            "starts_at": start.strftime("%Y-%m-%dT%H:%M"), "ends_at": (start + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M")}
    client = client_for(censec_secretariat)
    for _ in range(3):
        client.post("/governance/meetings/new/", data)
    deliver_pending()
    assert len(mail.outbox) == len(_invitees(board))


def test_the_invitation_download(board, client_for, censec_secretariat, difos_observer, difos_member):
    meeting = _create(board, censec_secretariat)
    response = client_for(difos_observer).get(f"/governance/meetings/{meeting.pk}/invitation.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar; method=REQUEST")
    assert "invitation.ics" in response["Content-Disposition"]
    assert _parse(response.content.decode()).vevent.uid.value == f"meeting-{meeting.pk}@samarbejdsportalen"
    assert client_for(difos_member).get(f"/governance/meetings/{meeting.pk}/invitation.ics").status_code == 404


def test_members_and_observers_answer_and_the_page_shows_who_comes(board, client_for, censec_secretariat, difos_observer, censec_board):
    meeting = _create(board, censec_secretariat)
    url = f"/governance/meetings/{meeting.pk}/attendance/"
    client = client_for(difos_observer)
    assert client.post(url, {"answer": "attending"}).status_code == 302
    assert client.post(url, {"answer": "attending"}).status_code == 302  # again: still one row
    client = client_for(censec_board)
    client.post(url, {"answer": "not_attending"})
    assert Attendance.objects.filter(meeting=meeting).count() == 2
    assert Attendance.objects.get(meeting=meeting, user=difos_observer).answer == "attending"
    client.cookies["django_language"] = "en"
    page = client.get(f"/governance/meetings/{meeting.pk}/").content.decode()
    assert "1 attending, 1 not attending" in page
    observer_row = next(r for r in page.split('data-testid="invitee"')[1:] if "Peter Lund" in r or "Observer" in r)
    assert "Attending" in observer_row
    # the answer is in the next invitation's ATTENDEE line
    event = _parse(client.get(f"/governance/meetings/{meeting.pk}/invitation.ics").content.decode()).vevent
    partstat = {a.value.lower(): a.params["PARTSTAT"][0] for a in event.attendee_list}
    assert partstat[f"mailto:{difos_observer.email}".lower()] == "ACCEPTED"
    assert partstat[f"mailto:{censec_board.email}".lower()] == "DECLINED"


def test_the_secretariat_and_outsiders_do_not_answer(board, client_for, censec_secretariat, difos_member, censec_director):
    meeting = _create(board, censec_secretariat)
    url = f"/governance/meetings/{meeting.pk}/attendance/"
    assert client_for(censec_secretariat).post(url, {"answer": "attending"}).status_code == 403
    assert client_for(difos_member).post(url, {"answer": "attending"}).status_code == 404
    assert client_for(censec_director).post(url, {"answer": "attending"}).status_code == 404
    assert not Attendance.objects.exists()


def test_a_bad_answer_is_a_message_not_a_500(board, client_for, censec_secretariat, difos_observer):
    meeting = _create(board, censec_secretariat)
    response = client_for(difos_observer).post(f"/governance/meetings/{meeting.pk}/attendance/", {"answer": "maybe"})
    assert response.status_code == 302 and not Attendance.objects.exists()


def test_the_feed_marks_a_cancelled_meeting(board, client_for, censec_secretariat, difos_observer):
    meeting = _create(board, censec_secretariat)
    services_meetings.meeting_cancel(meeting=meeting, by=censec_secretariat)
    client = client_for(difos_observer)
    client.post("/governance/calendar/")
    token = difos_observer.calendar_token.token
    body = client.get(f"/calendar/{token}.ics").content.decode()
    events = {e.uid.value: e for e in _parse(body).vevent_list}
    assert events[f"meeting-{meeting.pk}@samarbejdsportalen"].status.value == "CANCELLED"
    others = [e for uid, e in events.items() if uid != f"meeting-{meeting.pk}@samarbejdsportalen"]
    assert others and all(e.status.value == "CONFIRMED" for e in others)


def test_demo_data_announces_nothing(board):
    assert not Notification.objects.filter(kind="meeting_invitation").exists()
    assert deliver_pending() == 0


def test_a_member_seated_after_the_invitation_is_invited_to_the_meetings_to_come(board, censec_secretariat, django_user_model):
    from datetime import date

    from governance import services

    upcoming = _create(board, censec_secretariat)
    past = _create(board, censec_secretariat, title="Forrige møde")
    Meeting.objects.filter(pk=past.pk).update(starts_at=timezone.now() - timedelta(days=30), ends_at=timezone.now() - timedelta(days=30, hours=-2))
    already = Notification.objects.filter(kind="meeting_invitation").count()
    user = django_user_model.objects.create_user("anna-holm", email="anna@terma.example")
    person = services.person_create(name="Anna Holm", company="Terma", company_role="CTO", censec_member=True,
                                    statutes_accepted_on=date(2026, 1, 1), user=user, email=user.email)
    services.seat_create(board=board, person=person, role="member", term_start=timezone.localdate(), nominated_by=board.organisation)
    mine = Notification.objects.filter(kind="meeting_invitation", recipient=user)
    to_come = Meeting.objects.filter(board=board, starts_at__gt=timezone.now(), cancelled_at__isnull=True)
    assert upcoming in to_come and past not in to_come
    assert sorted(mine.values_list("key", flat=True)) == sorted(f"meeting:{m.pk}:seq:{m.sequence}" for m in to_come)
    new = mine.count()
    assert Notification.objects.filter(kind="meeting_invitation").count() == already + new  # nobody else is told again
    services.seats_sync()  # the hourly run sends nothing more
    assert Notification.objects.filter(kind="meeting_invitation").count() == already + new

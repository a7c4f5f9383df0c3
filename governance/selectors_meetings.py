"""Reads for running meetings: who is invited and who comes, what a category change does to observers, history."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext as _

from portal import permissions

from . import rules
from .invitations import Invitee
from .models import AgendaItem, Attendance, AttendanceAnswer, Confidentiality, MaterialState, Meeting, Seat, SeatRole


def _current_seats(board_id: int) -> list[Seat]:
    today = timezone.localdate()
    seats = Seat.objects.filter(board_id=board_id, closed=False).select_related("person__user", "nominated_by")
    return [s for s in seats if rules.seat_is_current(s, today)]


def invitees(meeting: Meeting) -> list[Invitee]:
    """The board's current members and observers with a portal account, one per user, with their answers (two queries)."""
    answers = dict(Attendance.objects.filter(meeting=meeting).values_list("user_id", "answer"))
    people: dict[int, Invitee] = {}
    for seat in sorted(_current_seats(meeting.board_id), key=lambda s: (s.role == SeatRole.OBSERVER, s.person.name)):
        user = seat.person.user
        if user is None or not user.is_active or user.pk in people:
            continue
        people[user.pk] = Invitee(
            user_id=user.pk, name=seat.person.name, email=user.email or seat.person.email,
            observer=seat.role == SeatRole.OBSERVER, answer=answers.get(user.pk, ""),
        )
    return list(people.values())


def invitee_users(meeting: Meeting):
    """The portal users the invitation goes to."""
    return list(get_user_model().objects.filter(pk__in=[i.user_id for i in invitees(meeting)]))


def meeting_page(*, user, meeting: Meeting) -> dict:
    """What the meeting page shows about invitations and attendance, and (to managers) the history."""
    people = invitees(meeting)
    mine = Attendance.objects.filter(meeting=meeting, user=user).values_list("answer", flat=True).first() if user.is_authenticated else None
    context = {
        "invitees": people,
        "attending_count": sum(1 for p in people if p.answer == AttendanceAnswer.ATTENDING),
        "not_attending_count": sum(1 for p in people if p.answer == AttendanceAnswer.NOT_ATTENDING),
        "my_answer": mine or "",
        "may_answer": permissions.may_answer_attendance(user, meeting) and meeting.cancelled_at is None,
        "answers": AttendanceAnswer,
    }
    if permissions.may_manage_board(user, meeting.board):
        context["meeting_history"] = meeting_history(meeting)
    return context


@dataclass(frozen=True)
class ObserverEffect:
    """What one observer gains or loses when an item's category changes (§3 G2)."""

    party: str
    person: str
    loses: bool
    materials: int

    @property
    def observer(self) -> str:
        """"DI FOS' observer", "CenSec's observer" (the possessive as each language writes it)."""
        if self.party.endswith(("s", "S", "x", "z")):
            return _("%(party)s' observer") % {"party": self.party}
        return _("%(party)s's observer") % {"party": self.party}


def _observer_sees(confidentiality: str) -> bool:
    return confidentiality == Confidentiality.ORDINARY


def category_change_effect(item: AgendaItem, new_confidentiality: str) -> list[ObserverEffect]:
    """Each current observer of the board who would gain or lose the item and its materials (empty: no change for anyone)."""
    if _observer_sees(item.confidentiality) == _observer_sees(new_confidentiality):
        return []
    count = item.materials.filter(state=MaterialState.PUBLISHED).count()  # what an observer could see at all
    observers = [s for s in _current_seats(item.meeting.board_id) if s.role == SeatRole.OBSERVER]
    return [
        ObserverEffect(
            party=s.nominated_by.short_name if s.nominated_by else "", person=s.person.name,
            loses=not _observer_sees(new_confidentiality), materials=count,
        )
        for s in observers
    ]


@dataclass(frozen=True)
class HistoryEntry:
    at: object
    who: str
    what: str
    kind: str  # "+", "~", "-"
    changes: list


def meeting_history(meeting: Meeting, *, limit: int = 50) -> list[HistoryEntry]:
    """Changes to the meeting and its agenda items, newest first (from django-simple-history)."""
    entries = []
    records = list(meeting.history.select_related("history_user").order_by("-history_date")[:limit])
    item_records = list(
        AgendaItem.history.filter(meeting_id=meeting.pk).select_related("history_user").order_by("-history_date")[:limit]
    )
    for record in records + item_records:
        changes = []
        previous = record.prev_record if record.history_type == "~" else None  # one query each: changes only
        if previous is not None:
            delta = record.diff_against(previous)
            changes = [
                (record.instance._meta.get_field(c.field).verbose_name, c.old, c.new) for c in delta.changes
            ]
        label = str(meeting.title) if record.__class__ is meeting.history.model else f"{record.position}. {record.title}"
        entries.append(HistoryEntry(
            at=record.history_date, who=str(record.history_user or ""), what=label, kind=record.history_type, changes=changes,
        ))
    entries.sort(key=lambda e: e.at, reverse=True)
    return entries[:limit]

"""Writes for running meetings: create, change, move and cancel; the agenda; invitations; attendance (§3 G2, §3.2).

Every write by a person names them (`by`) and is refused unless `permissions.may_manage_board`
(the board's own secretariat, administrators); `by=None` is the system itself (demo data, tests).
History of every change is kept by django-simple-history on Meeting, AgendaItem and Attendance.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from portal import permissions
from portal.dashboard_cache import dashboard_changed
from portal.notifications import Attachment, notify

from . import invitations, publishing, selectors_meetings
from .models import AgendaItem, Attendance, AttendanceAnswer, Board, Meeting

INVITATION_KIND = "meeting_invitation"
# What an invitation shows: a change to any of these is sent to everyone as an update (SEQUENCE + 1).
INVITATION_FIELDS = ("kind", "title", "starts_at", "ends_at", "place")
AGENDA_ATTEMPTS = 5


def _check_manager(by, board: Board) -> None:
    if by is not None and not permissions.may_manage_board(by, board):
        raise PermissionDenied(
            _("Only the secretariat of %(party)s may run this board's meetings.") % {"party": board.organisation.short_name}
        )


def _check_open(meeting: Meeting) -> None:
    if meeting.cancelled_at is not None:
        raise ValidationError(_("This meeting was cancelled; it can no longer be changed."))


def _locked(meeting: Meeting) -> Meeting:
    """The meeting row, locked until the transaction ends (PostgreSQL; SQLite serialises writers anyway)."""
    return Meeting.objects.select_for_update().select_related("board__organisation").get(pk=meeting.pk)


# --- invitations ------------------------------------------------------------------------------------


def invitation_send(meeting: Meeting, *, only=None) -> list:
    """Tell every current member and observer of the board about the meeting as it now stands, with the invitation.

    One notification per person and SEQUENCE (key "meeting:<id>:seq:<n>"), so a repeated call
    sends nothing more; the email carries invitation.ics (text/calendar; method=REQUEST or CANCEL).
    `only` (users) narrows who is told, e.g. a member whose seat has just begun; the invitation
    still lists every invitee.
    """
    people = selectors_meetings.invitees(meeting)
    if not people:
        return []
    users = selectors_meetings.invitee_users(meeting)
    if only is not None:
        wanted = {u.pk for u in only}
        users = [u for u in users if u.pk in wanted]
        if not users:
            return []
    ics = invitations.invitation(meeting, people)
    if meeting.cancelled_at:
        template = "meeting-cancelled"
    elif meeting.sequence:
        template = "meeting-updated"
    else:
        template = "meeting-invitation"
    return notify(
        recipients=users,
        kind=INVITATION_KIND,
        key=f"meeting:{meeting.pk}:seq:{meeting.sequence}",
        template=template,
        context={"meeting": meeting, "board": str(meeting.board)},
        url=reverse("governance:meeting", args=[meeting.pk]),
        attachment=Attachment("invitation.ics", ics, invitations.mimetype_for(meeting)),
    )


# --- meetings ---------------------------------------------------------------------------------------


@transaction.atomic
def meeting_create(
    *, board: Board, kind: str, title: str, starts_at, ends_at, place: str = "", by=None, invite: bool = True
) -> Meeting:
    """Schedule a board meeting or strategy seminar and invite the board's members and observers.

    `invite=False` is for demo data only: seeding announces nothing (the invitation stays available
    as invitation.ics on the meeting page, and the next change sends it with a raised SEQUENCE).
    """
    _check_manager(by, board)
    meeting = Meeting(board=board, kind=kind, title=title, starts_at=starts_at, ends_at=ends_at, place=place)
    meeting.full_clean()
    meeting.save()
    if invite:
        invitation_send(meeting)
    dashboard_changed()
    return meeting


@transaction.atomic
def meeting_update(*, meeting: Meeting, by=None, **fields) -> tuple[Meeting, bool]:
    """Change or move a meeting; returns (meeting, whether the invitation changed and was sent again).

    A change to what the invitation shows (kind, title, time, place) raises the SEQUENCE and
    sends everyone the update; a cancelled meeting cannot be changed.
    """
    meeting = _locked(meeting)
    _check_manager(by, meeting.board)
    _check_open(meeting)
    unknown = set(fields) - set(INVITATION_FIELDS)
    if unknown:
        raise ValueError(f"meeting_update cannot change {sorted(unknown)}")
    changed = any(getattr(meeting, name) != value for name, value in fields.items())
    if not changed:
        return meeting, False
    for name, value in fields.items():
        setattr(meeting, name, value)
    meeting.sequence += 1
    meeting.full_clean()
    meeting.save()
    invitation_send(meeting)
    dashboard_changed()
    return meeting, True


@transaction.atomic
def meeting_cancel(*, meeting: Meeting, by=None) -> Meeting:
    """Cancel a meeting: it stays listed, marked cancelled, and everyone invited gets METHOD:CANCEL."""
    meeting = _locked(meeting)
    _check_manager(by, meeting.board)
    _check_open(meeting)
    meeting.cancelled_at = timezone.now()
    meeting.sequence += 1
    meeting.save(update_fields=["cancelled_at", "sequence"])
    invitation_send(meeting)
    dashboard_changed()
    return meeting


# --- the agenda ---------------------------------------------------------------------------------------


def agenda_item_create(*, meeting: Meeting, title: str, confidentiality: str, description: str = "", by=None) -> AgendaItem:
    """Append an item to the agenda with the next free number.

    The number is allocated under a lock on the meeting row, so concurrent posts queue and each
    gets its own; should two still meet on the unique (meeting, number) — a database without row
    locks — the loser takes the next number instead of failing.
    """
    _check_manager(by, meeting.board)
    for attempt in range(AGENDA_ATTEMPTS):
        try:
            with transaction.atomic():
                locked = _locked(meeting)
                _check_open(locked)
                last = AgendaItem.objects.filter(meeting=locked).order_by("-position").values_list("position", flat=True).first()
                item = AgendaItem(
                    meeting=locked, position=(last or 0) + 1, title=title, description=description,
                    confidentiality=confidentiality,
                )
                item.full_clean(validate_unique=False, validate_constraints=False)
                item.save()
                return item
        except IntegrityError:
            if attempt == AGENDA_ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")


@transaction.atomic
def agenda_item_update(*, item: AgendaItem, by=None, title: str, confidentiality: str, description: str = "") -> AgendaItem:
    """Change an item; a new category changes what observers see of it and its materials at once (derived, §3 G2)."""
    meeting = _locked(item.meeting)
    _check_manager(by, meeting.board)
    item = AgendaItem.objects.select_for_update().get(pk=item.pk)
    widened = item.confidentiality != confidentiality
    item.title, item.description, item.confidentiality = title, description, confidentiality
    item.full_clean(validate_unique=False, validate_constraints=False)
    item.save()
    if widened:
        # Whoever may read its published materials now (an observer, after "personnel" → "ordinary") is told
        # of them once; whoever was told before is not told again.
        publishing.tell_new_readers(materials=item.materials.all())
    return item


@transaction.atomic
def agenda_item_move(*, item: AgendaItem, by=None, up: bool) -> AgendaItem:
    """Swap an item with the one above (or below) it; the first stays first when moved up."""
    meeting = _locked(item.meeting)
    _check_manager(by, meeting.board)
    item = AgendaItem.objects.get(pk=item.pk)
    neighbours = AgendaItem.objects.filter(meeting=meeting)
    neighbour = (
        neighbours.filter(position__lt=item.position).order_by("-position")
        if up else neighbours.filter(position__gt=item.position).order_by("position")
    ).first()
    if neighbour is None:
        return item
    mine, theirs = item.position, neighbour.position
    # Through 0 (never a real number), so the unique (meeting, number) holds after every statement.
    AgendaItem.objects.filter(pk=item.pk).update(position=0)
    neighbour.position = mine
    neighbour.save(update_fields=["position"])
    item.position = theirs
    item.save(update_fields=["position"])
    return item


@transaction.atomic
def agenda_item_remove(*, item: AgendaItem, by=None) -> None:
    """Remove an item that has no materials; the items after it move up one number."""
    meeting = _locked(item.meeting)
    _check_manager(by, meeting.board)
    item = AgendaItem.objects.get(pk=item.pk)
    if item.materials.exists():
        raise ValidationError(
            _("“%(title)s” has materials; move or withdraw them before removing the item.") % {"title": item.title}
        )
    position = item.position
    item.delete()
    for later in AgendaItem.objects.filter(meeting=meeting, position__gt=position).order_by("position"):
        later.position -= 1
        later.save(update_fields=["position"])


# --- attendance -----------------------------------------------------------------------------------------


def attendance_answer(*, meeting: Meeting, user, answer: str) -> Attendance:
    """A member or observer answers attending / not attending; a new answer replaces the old one."""
    answer = AttendanceAnswer(answer)
    if not permissions.may_answer_attendance(user, meeting):
        raise PermissionDenied(_("Only the board's members and observers answer the invitation."))
    _check_open(meeting)
    for _attempt in range(2):
        try:
            with transaction.atomic():
                attendance, _created = Attendance.objects.update_or_create(
                    meeting=meeting, user=user, defaults={"answer": answer}
                )
                return attendance
        except IntegrityError:  # a concurrent first answer of the same person: update theirs
            continue
    raise ValidationError(_("Your answer could not be saved; please try again."))

"""Writes for boards, seats, meetings, agenda items, materials, downloads and calendar links (§3 G1, G2)."""

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from guardian.shortcuts import assign_perm, remove_perm

from agreement.models import Party
from portal import permissions
from portal.dashboard_cache import dashboard_changed
from portal.models import RoleKind
from portal.services import role_grant, role_revoke

from .models import (
    AgendaItem,
    Board,
    BoardPermission,
    CalendarToken,
    DownloadLog,
    Material,
    MaterialVersion,
    Meeting,
    Person,
    Seat,
    SeatRole,
)
from . import publishing
from . import services_meetings
from .rules import seat_is_current
from .uploads import check_upload

PERM_CODENAME = {True: BoardPermission.VIEW_OBSERVER, False: BoardPermission.VIEW_ALL}


def board_ensure(*, organisation) -> Board:
    board, _created = Board.objects.get_or_create(
        organisation=organisation, defaults={"name": _("Board of %(party)s") % {"party": organisation.short_name}}
    )
    return board


def person_create(
    *, name: str, company: str = "", email: str = "", user=None, censec_member: bool = False, company_role: str = "",
    statutes_accepted_on: date | None = None, registered_by: Board | None = None,
) -> Person:
    person = Person(
        name=name, company=company, email=email, user=user, censec_member=censec_member, company_role=company_role,
        statutes_accepted_on=statutes_accepted_on, registered_by=registered_by,
    )
    person.full_clean()
    person.save()
    return person


# --- seats and the access they give -----------------------------------------------------------


def _role_for(seat: Seat) -> tuple[str, object]:
    """The portal role a seat gives: board member of the board's party, or observer for the nominating party."""
    if seat.role == SeatRole.OBSERVER:
        return RoleKind.OBSERVER, seat.nominated_by
    return RoleKind.BOARD_MEMBER, seat.board.organisation


def _other_current_seats(seat: Seat, today: date):
    others = Seat.objects.filter(person__user=seat.person.user, closed=False).exclude(pk=seat.pk)
    return [s for s in others.select_related("board__organisation", "nominated_by") if seat_is_current(s, today)]


def _grant(seat: Seat) -> None:
    user = seat.person.user
    if user is None:
        return
    assign_perm(f"governance.{PERM_CODENAME[seat.role == SeatRole.OBSERVER]}", user, seat.board)
    kind, organisation = _role_for(seat)
    role_grant(user=user, kind=kind, organisation=organisation)


def _invite_to_upcoming(seat: Seat) -> None:
    """A seat that begins brings the invitations to the board's meetings still to come (§3.2: attend and speak).

    Only the new member or observer is told (once per meeting and SEQUENCE, so the hourly sync adds
    nothing); everyone else was told when the meeting was announced.
    """
    if seat.person.user_id is None:
        return
    upcoming = Meeting.objects.filter(board=seat.board, cancelled_at__isnull=True, starts_at__gt=timezone.now())
    for meeting in upcoming.select_related("board__organisation"):
        services_meetings.invitation_send(meeting, only=[seat.person.user])


def _revoke(seat: Seat, today: date) -> None:
    """Take away what this seat gave, keeping whatever another current seat of the same user still gives."""
    user = seat.person.user
    if user is None:
        return
    others = _other_current_seats(seat, today)
    codename = PERM_CODENAME[seat.role == SeatRole.OBSERVER]
    if not any(s.board_id == seat.board_id and PERM_CODENAME[s.role == SeatRole.OBSERVER] == codename for s in others):
        remove_perm(f"governance.{codename}", user, seat.board)
    if _role_for(seat) not in {_role_for(s) for s in others}:
        kind, organisation = _role_for(seat)
        role_revoke(user=user, kind=kind, organisation=organisation)


def _check_observer(seat: Seat, today: date | None = None) -> None:
    """§3 G2: an observer is sent by the other party (DI, not a party, sends none), from that party's own board
    ("bestyrelsesrepræsentant"), and each party has at most one on a board at a time."""
    if seat.role != SeatRole.OBSERVER or seat.nominated_by is None:
        return
    if not seat.nominated_by.is_party or seat.nominated_by.slug not in Party.values:
        raise ValidationError({"nominated_by": _(
            "%(sender)s is not a party to the agreement: only CenSec and DI FOS send observers (§3 G2)."
        ) % {"sender": seat.nominated_by.short_name}})
    if seat.nominated_by_id == seat.board.organisation_id:
        raise ValidationError({"nominated_by": _("An observer is sent by the other party, not the board's own (§3 G2).")})
    day = max(seat.term_start, today or timezone.localdate())
    home = Seat.objects.filter(
        person=seat.person, board__organisation=seat.nominated_by, closed=False, term_start__lte=day,
    ).exclude(role=SeatRole.OBSERVER).exclude(term_end__lt=day)
    if not home.exists():
        raise ValidationError({"person": _(
            "%(person)s holds no seat on the board of %(sender)s on %(day)s: an observer is one of the sending "
            "party's own board representatives (§3 G2)."
        ) % {"person": seat.person.name, "sender": seat.nominated_by.short_name, "day": day.isoformat()}})
    far_future = date.max
    clashing = Seat.objects.filter(
        board=seat.board, nominated_by=seat.nominated_by, role=SeatRole.OBSERVER, closed=False,
        term_start__lte=seat.term_end or far_future,
    ).exclude(pk=seat.pk)
    clashing = [s for s in clashing.select_related("person") if (s.term_end or far_future) >= seat.term_start]
    if clashing:
        raise ValidationError(
            _("%(party)s already has an observer on %(board)s (%(person)s); a party may send only one (§3 G2).")
            % {"party": seat.nominated_by.short_name, "board": seat.board, "person": clashing[0].person.name}
        )


@transaction.atomic
def seat_create(
    *,
    board: Board,
    person: Person,
    role: str,
    term_start: date,
    term_end: date | None = None,
    nominated_by=None,
    backed_by_difos: bool = False,
    backing_confirmed_on: date | None = None,
    today: date | None = None,
    watch: bool = True,
) -> Seat:
    """Seat a person on a board; a seat that has begun gives its access at once."""
    today = today or timezone.localdate()
    seat = Seat(
        board=board, person=person, role=role, term_start=term_start, term_end=term_end, nominated_by=nominated_by,
        backed_by_difos=backed_by_difos, backing_confirmed_on=backing_confirmed_on,
    )
    seat.full_clean()
    _check_observer(seat, today)
    seat.save()
    if seat_is_current(seat, today):
        _grant(seat)
        _invite_to_upcoming(seat)
    dashboard_changed()
    if watch:  # an import re-evaluates G1 and G2 once, after all its rows (services_seats.board_import)
        _watch(today)
    return seat


@transaction.atomic
def seat_end(*, seat: Seat, on: date | None = None) -> Seat:
    """End a seat's term on `on` (default today) and take away its access at once."""
    on = on or timezone.localdate()
    # A seat ended on its first day still needs a term that ends after it starts (the constraint);
    # `closed` is what takes the access away, whatever the end date says.
    seat.term_end = max(on, seat.term_start + timedelta(days=1))
    seat.closed = True
    seat.full_clean(validate_constraints=False)
    seat.save(update_fields=["term_end", "closed"])
    _revoke(seat, on)
    dashboard_changed()
    _watch()
    return seat


def seats_sync(*, today: date | None = None) -> int:
    """Give and take access as terms begin and end (the hourly schedule runs this); returns seats changed.

    1. Seats whose term ended before today are closed and lose their access.
    2. Seats whose term has begun (and is not over) get their access; assign_perm is idempotent.
    """
    today = today or timezone.localdate()
    changed = 0
    for seat in Seat.objects.filter(closed=False, term_end__lt=today).select_related("board__organisation", "person__user", "nominated_by"):
        seat_end(seat=seat, on=seat.term_end)
        changed += 1
    for seat in Seat.objects.filter(closed=False, term_start__lte=today).select_related("board__organisation", "person__user", "nominated_by"):
        _grant(seat)
        if seat.term_start >= today - timedelta(days=1):  # begun since the last days' runs: the meetings to come
            _invite_to_upcoming(seat)
    _watch(today)
    return changed


def _watch(today: date | None = None) -> None:
    """Re-evaluate G1 and G2 and tell people once when one stops holding (services_seats.board_rules_watch)."""
    from .services_seats import board_rules_watch

    board_rules_watch(today=today)


# --- meetings and agendas ---------------------------------------------------------------------


def meeting_create(*, board: Board, kind: str, title: str, starts_at, ends_at, place: str = "", invite: bool = True) -> Meeting:
    """Schedule a meeting and send its invitations (see services_meetings, which holds the meeting writes)."""
    return services_meetings.meeting_create(
        board=board, kind=kind, title=title, starts_at=starts_at, ends_at=ends_at, place=place, invite=invite
    )


def agenda_item_create(*, meeting: Meeting, title: str, confidentiality: str, description: str = "") -> AgendaItem:
    """Append an item to the meeting's agenda (its number is the next free one, allocated under a lock)."""
    return services_meetings.agenda_item_create(meeting=meeting, title=title, confidentiality=confidentiality, description=description)


# --- materials --------------------------------------------------------------------------------


@transaction.atomic
def material_upload(
    *, user, upload, meeting: Meeting, title: str, agenda_item: AgendaItem | None = None, kind: str = Material.Kind.MATERIAL,
    material: Material | None = None,
) -> Material:
    """Store a new material (a draft until the secretariat publishes it, see governance.publishing), or
    (with `material`) a new version of it; the old versions stay, and a published material's readers are told.

    1. Only the secretariat of the board's own party may upload (§3: the board's secretariat manages).
    2. The file is checked (size, type by content, name, checksum) before anything is written.
    3. The file is stored under a generated name; the version row points at it; `current` moves.
    """
    if not permissions.may_manage_board(user, meeting.board):
        raise ValidationError(_("Only the secretariat of %(party)s may upload materials for this board.") % {
            "party": meeting.board.organisation.short_name,
        })
    if agenda_item is not None and agenda_item.meeting_id != meeting.pk:
        raise ValidationError({"agenda_item": _("The agenda item belongs to another meeting.")})
    checked = check_upload(upload)
    if material is None:
        material = Material(meeting=meeting, agenda_item=agenda_item, kind=kind, title=title or checked.display_name)
        material.full_clean()
        material.save()
        number = 1
    else:
        material = Material.objects.select_for_update().get(pk=material.pk)
        number = (material.versions.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    version = MaterialVersion(
        material=material, number=number, original_name=checked.display_name, content_type=checked.content_type,
        size=checked.size, sha256=checked.sha256, uploaded_by=user,
    )
    version.file.save(f"{meeting.board.organisation.slug}/{checked.stored_name}", upload, save=False)
    # If the transaction fails after this point the stored file is orphaned, never exposed.
    version.save()
    material.current = version
    material.save(update_fields=["current"])
    publishing.version_added(material=material, version=version)  # i12c: readers of a published material hear of it
    return material


def downloads_record(*, user, versions, via: str) -> None:
    """Log who downloaded what and when (one row per file, also inside a zip)."""
    DownloadLog.objects.bulk_create([DownloadLog(user=user, version=v, via=via) for v in versions])


# --- calendar ---------------------------------------------------------------------------------


def calendar_token_for(*, user) -> CalendarToken:
    token, _created = CalendarToken.objects.get_or_create(user=user)
    return token


def calendar_token_regenerate(*, user) -> CalendarToken:
    """A new secret address; the old one stops working at once."""
    CalendarToken.objects.filter(user=user).delete()
    return CalendarToken.objects.create(user=user)


def calendar_token_revoke(*, user) -> None:
    CalendarToken.objects.filter(user=user).delete()

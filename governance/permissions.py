"""Who sees a board's meetings, agenda items and materials (§3 G2), registered with portal.permissions.

Every path (meeting pages, downloads, the zip, search, the calendar feed, the admin) filters
through these querysets, asked as `permissions.visible_materials(user)` and so on, so a guessed id
is a 404. The answer, per board:
  * a seat holder with the guardian permission `view_board_all` (granted when a member's seat
    starts, revoked when it ends) sees everything of that board;
  * an observer with `view_board_observer` sees everything except items on personnel and internal
    secretariat matters and their materials (§3 G2);
  * the secretariat of the board's own party manages the board and sees everything;
  * administrators (superusers) see everything, to run the system;
  * everyone else, directors without a seat included, sees nothing: the agreement gives board
    materials only to the board and its observers.
"""

from django.contrib.auth import get_user_model
from django.db.models import BigIntegerField, Q
from django.utils import timezone
from django.db.models.functions import Cast
from guardian.models import UserObjectPermission

from portal.models import RoleKind
from portal.permissions import is_administrator, is_secretariat, organisations_with_role
from portal.registry import register_rule

from .models import AgendaItem, Board, BoardPermission, Confidentiality, Material, MaterialState, Meeting, Seat, SeatRole
from .rules import seat_is_current


def _board_ids(user, codename: str):
    """Ids of boards on which `user` holds the guardian object permission `codename` (a lazy subquery).

    Written against guardian's table directly, rather than get_objects_for_user, so that it adds
    no queries of its own: it becomes part of the one query that lists meetings or materials.
    """
    return (
        UserObjectPermission.objects.filter(
            user=user,
            permission__codename=codename,
            permission__content_type__app_label=Board._meta.app_label,
            permission__content_type__model=Board._meta.model_name,
        )
        .annotate(board_id=Cast("object_pk", BigIntegerField()))
        .values("board_id")
    )


def _board_access(user):
    """(Q on boards with full access, Q on boards with observer access), with `board` as the path to Board."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Q(pk__in=[]), Q(pk__in=[])
    if is_administrator(user):
        return Q(pk__isnull=False), Q(pk__in=[])
    full = Q(pk__in=_board_ids(user, BoardPermission.VIEW_ALL)) | Q(
        organisation__in=organisations_with_role(user, RoleKind.SECRETARIAT)
    )
    return full, Q(pk__in=_board_ids(user, BoardPermission.VIEW_OBSERVER))


def _prefixed(q, prefix: str):
    """Re-root a Q written against Board onto a model whose path to the board is `prefix`."""
    out = Q(_connector=q.connector, _negated=q.negated)
    for child in q.children:
        out.children.append(_prefixed(child, prefix) if isinstance(child, Q) else (f"{prefix}__{child[0]}", child[1]))
    return out


@register_rule
def visible_boards(user):
    """Boards of which the user sees at least something."""
    full, observer = _board_access(user)
    return Board.objects.filter(full | observer)


@register_rule
def visible_meetings(user):
    """Meetings the user may see and attend: of a board they sit on, observe or (secretariat) manage."""
    full, observer = _board_access(user)
    return Meeting.objects.filter(_prefixed(full, "board") | _prefixed(observer, "board"))


@register_rule
def visible_agenda_items(user):
    """Agenda items the user may see: observers never see personnel or internal-secretariat items (§3 G2)."""
    full, observer = _board_access(user)
    return AgendaItem.objects.filter(
        _prefixed(full, "meeting__board")
        | (_prefixed(observer, "meeting__board") & Q(confidentiality=Confidentiality.ORDINARY))
    )


def _material_access(user):
    """(Q on boards managed, Q on boards read in full, Q on boards observed), with `board` as the path to Board.

    Unlike _board_access it keeps the managers (the board's party's secretariat, administrators),
    who also see drafts and withdrawn materials, apart from the readers (members and observers).
    """
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Q(pk__in=[]), Q(pk__in=[]), Q(pk__in=[])
    if is_administrator(user):
        return Q(pk__isnull=False), Q(pk__in=[]), Q(pk__in=[])
    return (
        Q(organisation__in=organisations_with_role(user, RoleKind.SECRETARIAT)),
        Q(pk__in=_board_ids(user, BoardPermission.VIEW_ALL)),
        Q(pk__in=_board_ids(user, BoardPermission.VIEW_OBSERVER)),
    )


@register_rule
def visible_materials(user):
    """Materials the user may see and download: a material has its agenda item's category (§3 G2).

    The board pack (issue 12): members and observers read published materials only; drafts and
    withdrawn materials are seen by the board's secretariat (and administrators), marked as such.
    """
    manage, full, observer = _material_access(user)
    ordinary = Q(agenda_item__isnull=True) | Q(agenda_item__confidentiality=Confidentiality.ORDINARY)
    published = Q(state=MaterialState.PUBLISHED)
    return Material.objects.filter(
        _prefixed(manage, "meeting__board")
        | (published & (_prefixed(full, "meeting__board") | (_prefixed(observer, "meeting__board") & ordinary)))
    )


@register_rule
def managed_boards(user):
    """Boards the user manages: the secretariat of the board's own party (and administrators)."""
    if is_administrator(user):
        return Board.objects.all()
    return Board.objects.filter(organisation__in=organisations_with_role(user, RoleKind.SECRETARIAT))


@register_rule
def may_manage_board(user, board) -> bool:
    """Uploading materials, editing agendas and reading the download log: the board's party's secretariat."""
    return is_administrator(user) or is_secretariat(user, board.organisation_id)


# --- i12c: the board pack (issue 12) ------------------------------------------------------------


def _board_reader_candidates(board_ids):
    """Active users holding a reading permission (member or observer) on any of these boards (one query)."""
    ids = (
        UserObjectPermission.objects.filter(
            permission__codename__in=[BoardPermission.VIEW_ALL, BoardPermission.VIEW_OBSERVER],
            permission__content_type__app_label=Board._meta.app_label,
            permission__content_type__model=Board._meta.model_name,
            object_pk__in=[str(pk) for pk in board_ids],
        )
        .values("user_id")
    )
    return list(get_user_model().objects.filter(pk__in=ids, is_active=True).order_by("pk"))


@register_rule
def materials_readers(materials) -> dict:
    """{material id: [users]}: the board members and observers who may read each material now.

    Decided by `visible_materials` itself (one query per candidate), so whoever is told of a
    material is exactly whoever may download it: an observer never of a personnel or internal
    secretariat item, nobody of a draft or a withdrawn material (§3 G2).
    """
    materials = list(materials)
    readers: dict[int, list] = {m.pk: [] for m in materials}
    if not materials:
        return readers
    for user in _board_reader_candidates({m.meeting.board_id for m in materials}):
        for pk in visible_materials(user).filter(pk__in=readers).values_list("pk", flat=True):
            readers[pk].append(user)
    return readers


@register_rule
def material_readers(material) -> list:
    """The board members and observers who may read this one material (see materials_readers)."""
    return materials_readers([material])[material.pk]


def current_chairs(board):
    """People holding a current chair seat on `board` (with their user)."""
    today = timezone.localdate()
    seats = Seat.objects.filter(board=board, role=SeatRole.CHAIR, closed=False).select_related("person__user")
    return [s.person for s in seats if seat_is_current(s, today)]


@register_rule
def may_approve_minutes(user, material) -> bool:
    """Minutes are approved by the chair of the board: a current chair seat held by this user."""
    if material.kind != Material.Kind.MINUTES or not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return any(person.user_id == user.pk for person in current_chairs(material.meeting.board))


@register_rule
def may_view_board(user, board) -> bool:
    """The board page (people, seats, G1/G2): whoever sees something of the board, or manages it."""
    return may_manage_board(user, board) or visible_boards(user).filter(pk=board.pk).exists()


# --- i12b: meetings, agendas and invitations ---------------------------------------------------


@register_rule
def may_answer_attendance(user, meeting) -> bool:
    """Members and observers of the meeting's board are invited and answer for themselves (§3.2: attend and speak).

    That is whoever holds a seat's object permission on the board (given while the seat is current);
    the secretariat and administrators run the meeting and are not invitees.
    """
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return Board.objects.filter(
        Q(pk__in=_board_ids(user, BoardPermission.VIEW_ALL)) | Q(pk__in=_board_ids(user, BoardPermission.VIEW_OBSERVER)),
        pk=meeting.board_id,
    ).exists()

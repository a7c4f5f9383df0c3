"""Reads for boards, meetings and materials; every read of meeting content goes through portal.permissions."""

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Case, F, Prefetch, Q, When
from django.utils import timezone

from agreement.models import Party
from portal import permissions

from . import rules
from .models import Board, BoardRuleState, DownloadLog, MaterialState, Meeting, Seat, SeatRole

TERM_ENDING_DAYS = 90
# Materials of the meeting as a whole first, then by agenda item (PostgreSQL sorts NULL last by default).
AGENDA_ORDER = (F("agenda_item__position").asc(nulls_first=True), "title", "pk")


def _seats():
    return Seat.objects.select_related("board__organisation", "person", "nominated_by")


def dashboard_board_rules() -> dict:
    """G1 and G2 for the dashboard: {"g1": RuleResult, "g2": RuleResult} (two queries)."""
    today = timezone.localdate()
    seats = list(_seats().filter(closed=False))
    boards = list(Board.objects.select_related("organisation"))
    return {"g1": rules.g1(seats, today), "g2": rules.g2(seats, boards, today)}


def dashboard_upcoming_meetings(*, user, limit: int = 5) -> list:
    """The next meetings the user may see, soonest first (one query)."""
    return list(
        permissions.visible_meetings(user)
        .filter(ends_at__gte=timezone.now())
        .select_related("board__organisation")
        .order_by("starts_at")[:limit]
    )


@dataclass
class BoardOverview:
    """One board on the board page: its current seats, observers and terms ending soon."""

    board: Board
    seats: list
    observers: list
    ending_soon: list


def boards_overview() -> dict:
    """Every board with its current seats, terms ending within 90 days, and G1/G2 with the reason."""
    today = timezone.localdate()
    rank = Case(*(When(role=role, then=n) for n, role in enumerate(SeatRole.values)))
    seats = list(_seats().filter(closed=False).order_by(rank, "person__name"))
    boards = list(Board.objects.select_related("organisation"))
    current = [s for s in seats if rules.seat_is_current(s, today)]
    soon = today + timedelta(days=TERM_ENDING_DAYS)
    overview = [
        BoardOverview(
            board=board,
            seats=[s for s in current if s.board_id == board.pk and s.role != SeatRole.OBSERVER],
            observers=[s for s in current if s.board_id == board.pk and s.role == SeatRole.OBSERVER],
            ending_soon=[s for s in current if s.board_id == board.pk and s.term_end and s.term_end <= soon],
        )
        for board in boards
    ]
    return {
        "boards": overview,
        "g1": rules.g1(seats, today),
        "g2": rules.g2(seats, boards, today),
        "g1_problems": {s.pk: rules.g1_problems(s) for s in current if s.board.organisation.slug == Party.CENSEC},
    }


def meetings_for(*, user, q: str = ""):
    """The meetings the user may see, newest first, with board (one query)."""
    meetings = permissions.visible_meetings(user).select_related("board__organisation")
    if q:
        meetings = meetings.filter(Q(title__icontains=q) | Q(place__icontains=q))
    return meetings.order_by("-starts_at")


def _materials_prefetch(user):
    materials = permissions.visible_materials(user).select_related("current").order_by(*AGENDA_ORDER)
    return Prefetch("materials", queryset=materials, to_attr="visible_materials")


def upcoming_meetings_with_materials(*, user, limit: int = 10) -> list:
    """The user's next meetings with the materials they may see (the observer's landing list; two queries)."""
    meetings = (
        permissions.visible_meetings(user)
        .filter(ends_at__gte=timezone.now())
        .select_related("board__organisation")
        .prefetch_related(_materials_prefetch(user))
        .order_by("starts_at")[:limit]
    )
    return list(meetings)


def meeting_detail(*, user, meeting: Meeting) -> dict:
    """The agenda and materials of one meeting as the user may see them (a fixed number of queries).

    Materials on the meeting itself come first; each visible item carries its visible materials.
    """
    items = list(permissions.visible_agenda_items(user).filter(meeting=meeting).order_by("position"))
    materials = list(
        permissions.visible_materials(user).filter(meeting=meeting).select_related("current").order_by("title", "pk")
    )
    by_item: dict[int | None, list] = {}
    for material in materials:
        by_item.setdefault(material.agenda_item_id, []).append(material)
    for item in items:
        item.visible_materials = by_item.get(item.pk, [])
    return {"items": items, "meeting_materials": by_item.get(None, []), "materials": materials}


def meeting_zip_materials(*, user, meeting: Meeting) -> list:
    """Exactly the materials of `meeting` the user may download, with their current versions."""
    return list(
        permissions.visible_materials(user)
        .filter(meeting=meeting, current__isnull=False)
        .exclude(state=MaterialState.WITHDRAWN)  # i12c: the secretariat sees withdrawn materials, the zip never holds them
        .select_related("current", "agenda_item")
        .order_by(*AGENDA_ORDER)
    )


def search(*, user, q: str) -> dict:
    """Meetings, agenda items and material titles matching `q`, each filtered by what the user may see."""
    if not q:
        return {"meetings": [], "items": [], "materials": []}
    return {
        "meetings": list(meetings_for(user=user, q=q)[:50]),
        "items": list(
            permissions.visible_agenda_items(user)
            .filter(Q(title__icontains=q) | Q(description__icontains=q))
            .select_related("meeting")
            .order_by("-meeting__starts_at", "position")[:50]
        ),
        "materials": list(
            permissions.visible_materials(user)
            .filter(title__icontains=q)
            .select_related("meeting")
            .order_by("-meeting__starts_at", "title")[:50]
        ),
    }


def download_log(*, user):
    """Downloads of materials of the boards the user manages, newest first."""
    return DownloadLog.objects.filter(version__material__meeting__board__in=permissions.managed_boards(user)).select_related(
        "user", "version__material__meeting"
    )


def calendar_meetings(*, user):
    """The meetings for the user's calendar feed: the same set as the meetings page, a year back onwards."""
    since = timezone.now() - timedelta(days=365)
    return permissions.visible_meetings(user).filter(starts_at__gte=since).select_related("board").order_by("starts_at")



def board_chairs(*, today=None) -> list:
    """The portal users who chair a party's board today (a current chair seat), one per board at most once each (one query).

    A chair whose person has no portal account is not among them: the portal can only tell users.
    """
    today = today or timezone.localdate()
    seats = (
        Seat.objects.filter(role=SeatRole.CHAIR, closed=False, term_start__lte=today, person__user__is_active=True)
        .filter(Q(term_end__isnull=True) | Q(term_end__gte=today))
        .select_related("person__user")
        .order_by("board__organisation__slug", "pk")
    )
    users = {}
    for seat in seats:
        users.setdefault(seat.person.user.pk, seat.person.user)
    return list(users.values())
def rule_breaks() -> list:
    """§3 rules that stopped holding for a board (after holding) and do not hold again yet (one query)."""
    return list(BoardRuleState.objects.filter(holds=False, breaks__gt=0).select_related("board").order_by("board", "rule"))

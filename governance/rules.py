"""The governance rules of §3 as plain functions over seats: G1 (DI FOS seats on CenSec's board) and G2 (observers).

They take seats already loaded (with board, person and nominated_by) and query nothing, so the
board page and the dashboard can call them at a fixed query cost.
"""

from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _

from agreement.models import Lead, Party

from .models import SeatRole

G1_REQUIRED_SEATS = 2
# "2 company representatives from DI (DI FOS)": a nomination by DI FOS or its parent DI counts.
G1_NOMINATING_SLUGS = {Party.DIFOS, Lead.DI}


@dataclass(frozen=True)
class RuleResult:
    """Whether a rule of the agreement holds, and why (in words for the board page and dashboard)."""

    met: bool
    reason: str


def seat_is_current(seat, today: date) -> bool:
    return not seat.closed and seat.term_start <= today and (seat.term_end is None or seat.term_end >= today)


def _on(day) -> str:
    return day.isoformat() if day else ""


def g1_problems(seat, today: date | None = None) -> list[str]:
    """Why a current seat on CenSec's board does not make its holder a G1 representative (empty: it does).

    §3.1: a company representative (a company and their role there), from DI (DI FOS: nominated by
    DI FOS or DI), a member of CenSec, willing to serve under CenSec's statutes (accepted on a
    recorded date), backed by DI FOS (a backing date that lies within the seat's term).
    """
    problems = []
    person = seat.person
    if seat.role == SeatRole.OBSERVER:
        problems.append(_("an observer seat"))
    if not seat.nominated_by or seat.nominated_by.slug not in G1_NOMINATING_SLUGS:
        problems.append(_("not nominated by DI FOS"))
    if not seat.backed_by_difos or not seat.backing_confirmed_on:
        problems.append(_("no confirmed DI FOS backing"))
    elif seat.backing_confirmed_on < seat.term_start or (seat.term_end and seat.backing_confirmed_on > seat.term_end):
        problems.append(
            _("DI FOS's backing (%(day)s) lies outside the seat's term") % {"day": _on(seat.backing_confirmed_on)}
        )
    elif today is not None and seat.backing_confirmed_on > today:
        problems.append(_("DI FOS's backing is dated in the future (%(day)s)") % {"day": _on(seat.backing_confirmed_on)})
    if not person.censec_member:
        problems.append(_("not a member of CenSec"))
    if not person.company:
        problems.append(_("not a company representative (no company)"))
    elif not person.company_role:
        problems.append(_("not a company representative (no role in the company)"))
    if not person.statutes_accepted_on or (today is not None and person.statutes_accepted_on > today):
        problems.append(_("has not accepted to serve under CenSec's statutes"))
    return problems


def g1_representatives(seats, today: date) -> list:
    """The people (not seats) who count for G1 now, each once, by name."""
    people = {}
    for seat in seats:
        if seat.board.organisation.slug == Party.CENSEC and seat_is_current(seat, today) and not g1_problems(seat, today):
            people.setdefault(seat.person_id, seat.person)
    return sorted(people.values(), key=lambda p: p.name)


def g1(seats, today: date) -> RuleResult:
    """§3 G1: at least two company representatives from DI FOS on CenSec's board, counted as people, not seats."""
    censec_seats = [s for s in seats if s.board.organisation.slug == Party.CENSEC and seat_is_current(s, today)]
    counting = g1_representatives(censec_seats, today)
    counted_ids = {p.pk for p in counting}
    near_misses = []
    for s in censec_seats:
        if s.person_id in counted_ids or s.role == SeatRole.OBSERVER:
            continue
        if s.nominated_by and s.nominated_by.slug in G1_NOMINATING_SLUGS:
            near_misses.append(f"{s.person.name}: {', '.join(g1_problems(s, today))}")
    names = ", ".join(p.name for p in counting) or _("none")
    counted = _("%(count)d of %(required)d representatives from DI FOS on CenSec's board (%(names)s)") % {"count": len(counting), "required": G1_REQUIRED_SEATS, "names": names}
    if len(counting) >= G1_REQUIRED_SEATS:
        return RuleResult(True, _("G1 holds: %(counted)s.") % {"counted": counted})
    reason = _("G1 does not hold: %(counted)s; at least %(required)d are required.") % {
        "counted": counted,
        "required": G1_REQUIRED_SEATS,
    }
    if near_misses:
        reason += " " + _("Not counted: %(list)s.") % {"list": "; ".join(near_misses)}
    return RuleResult(False, reason)


def sits_on(person_id, organisation_id, seats, day: date) -> bool:
    """Whether the person holds a (non-observer) seat on that organisation's own board on `day`."""
    return any(
        s.person_id == person_id and s.board.organisation_id == organisation_id and s.role != SeatRole.OBSERVER
        and seat_is_current(s, day)
        for s in seats
    )


def g2_problems(seat, seats, today: date) -> list[str]:
    """Why a current observer seat breaks §3 G2 (empty: it is in order)."""
    problems = []
    sender = seat.nominated_by
    board = seat.board
    if sender is None or sender.slug not in Party.values:
        problems.append(
            _("%(person)s observes %(board)s for %(sender)s, which is not a party to the agreement")
            % {"person": seat.person.name, "board": board, "sender": sender or "?"}
        )
    elif sender.pk == board.organisation_id:
        problems.append(
            _("%(person)s observes %(board)s for the board's own party") % {"person": seat.person.name, "board": board}
        )
    elif not sits_on(seat.person_id, sender.pk, seats, today):
        problems.append(
            _("%(person)s observes %(board)s for %(sender)s but holds no seat on %(sender)s's board")
            % {"person": seat.person.name, "board": board, "sender": sender.short_name}
        )
    return problems


def g2(seats, boards, today: date) -> RuleResult:
    """§3 G2: on each board at most one current observer per party, sent by the other party from its own board."""
    problems, present = [], []
    for board in boards:
        observers = [s for s in seats if s.board_id == board.pk and s.role == SeatRole.OBSERVER and seat_is_current(s, today)]
        by_party: dict[str, list] = {}
        for seat in observers:
            by_party.setdefault(seat.nominated_by.short_name, []).append(seat)
            problems.extend(g2_problems(seat, seats, today))
        for party, party_seats in by_party.items():
            if len(party_seats) > 1:
                problems.append(_("%(party)s has %(count)d observers on %(board)s") % {
                    "party": party, "count": len(party_seats), "board": board,
                })
            present.append(_("%(party)s observes %(board)s (%(person)s)") % {
                "party": party, "board": board, "person": party_seats[0].person.name,
            })
    if problems:
        return RuleResult(False, _("G2 does not hold: %(list)s.") % {"list": "; ".join(problems)})
    if not present:
        return RuleResult(True, _("G2 holds: no observers at present (each party may send one)."))
    return RuleResult(True, _("G2 holds: %(list)s.") % {"list": "; ".join(present)})

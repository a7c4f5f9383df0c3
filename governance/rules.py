"""The governance rules of §3 as plain functions over seats: G1 (DI FOS seats on CenSec's board) and G2 (observers).

They take seats already loaded (with board, person and nominated_by) and query nothing, so the
board page and the dashboard can call them at a fixed query cost.
"""

from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

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


def g1_problems(seat) -> list[str]:
    """Why a current seat on CenSec's board does not count towards G1 (empty: it counts)."""
    problems = []
    if seat.role == SeatRole.OBSERVER:
        problems.append(_("an observer seat"))
    if not seat.nominated_by or seat.nominated_by.slug not in G1_NOMINATING_SLUGS:
        problems.append(_("not nominated by DI FOS"))
    if not seat.backed_by_difos:
        problems.append(_("no confirmed DI FOS backing"))
    if not seat.person.censec_member:
        problems.append(_("not a member of CenSec"))
    if not seat.person.company:
        problems.append(_("not a company representative"))
    return problems


def g1(seats, today: date) -> RuleResult:
    """§3 G1: at least two current seats on CenSec's board held by DI FOS-nominated, -backed CenSec members."""
    censec_seats = [s for s in seats if s.board.organisation.slug == Party.CENSEC and seat_is_current(s, today)]
    counting = [s for s in censec_seats if not g1_problems(s)]
    near_misses = [
        f"{s.person.name}: {', '.join(g1_problems(s))}"
        for s in censec_seats
        if s.role != SeatRole.OBSERVER and s.nominated_by and s.nominated_by.slug in G1_NOMINATING_SLUGS and g1_problems(s)
    ]
    names = ", ".join(s.person.name for s in counting) or _("none")
    counted = ngettext(
        "%(count)d qualifying DI FOS seat on CenSec's board (%(names)s)",
        "%(count)d qualifying DI FOS seats on CenSec's board (%(names)s)",
        len(counting),
    ) % {"count": len(counting), "names": names}
    if len(counting) >= G1_REQUIRED_SEATS:
        return RuleResult(True, _("Met: %(counted)s.") % {"counted": counted})
    reason = _("Not met: %(counted)s; at least %(required)d are required.") % {
        "counted": counted,
        "required": G1_REQUIRED_SEATS,
    }
    if near_misses:
        reason += " " + _("Not counted: %(list)s.") % {"list": "; ".join(near_misses)}
    return RuleResult(False, reason)


def g2(seats, boards, today: date) -> RuleResult:
    """§3 G2: on each board, at most one current observer per nominating party, and only from the other party."""
    problems, present = [], []
    for board in boards:
        observers = [s for s in seats if s.board_id == board.pk and s.role == SeatRole.OBSERVER and seat_is_current(s, today)]
        by_party: dict[str, list] = {}
        for seat in observers:
            by_party.setdefault(seat.nominated_by.short_name, []).append(seat)
            if seat.nominated_by_id == board.organisation_id:
                problems.append(
                    _("%(person)s observes %(board)s for the board's own party") % {"person": seat.person.name, "board": board}
                )
        for party, party_seats in by_party.items():
            if len(party_seats) > 1:
                problems.append(_("%(party)s has %(count)d observers on %(board)s") % {
                    "party": party, "count": len(party_seats), "board": board,
                })
            present.append(_("%(party)s observes %(board)s (%(person)s)") % {
                "party": party, "board": board, "person": party_seats[0].person.name,
            })
    if problems:
        return RuleResult(False, _("Not met: %(list)s.") % {"list": "; ".join(problems)})
    if not present:
        return RuleResult(True, _("Met: no observers at present (each party may send one)."))
    return RuleResult(True, _("Met: %(list)s.") % {"list": "; ".join(present)})

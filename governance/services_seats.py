"""People and seats from the browser and from spreadsheets, the consequence of a change before it is made,
and telling people once when §3 G1 or G2 stops holding.

Every seat is still created and ended through `services.seat_create` / `services.seat_end` (which
give and take the guardian permissions and roles); a correction here revokes what the old seat gave
and grants what the corrected one gives, through the same `_grant` / `_revoke`.
"""

import copy
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from agreement.models import Organisation, Party
from agreement.selectors import party_staff
from portal import notifications, permissions
from portal.dashboard_cache import dashboard_changed
from portal.models import RoleKind
from portal.parsing import validate_date
from portal.spreadsheets import TooManyRows, read_table

from . import rules, services
from .models import Board, BoardRule, BoardRuleState, Person, Seat, SeatRole

NOTIFICATION_KIND = "board_rule_broken"
BOARD_COLUMNS = [
    "name", "email", "company", "company_role", "censec_member", "seat", "starts", "ends", "nominated_by",
    "backed_by_difos", "backing_date", "statutes_accepted",
]
MAX_BOARD_ROWS = 500
PERSON_FIELDS = ["name", "email", "company", "company_role", "censec_member", "statutes_accepted_on", "user"]
SEAT_FIELDS = ["role", "term_start", "term_end", "nominated_by", "backed_by_difos", "backing_confirmed_on"]


def _must_manage(user, board: Board) -> None:
    if user is not None and not permissions.may_manage_board(user, board):
        raise PermissionDenied(_("Only the secretariat of %(party)s manages this board.") % {
            "party": board.organisation.short_name,
        })


# --- evaluating the rules -----------------------------------------------------------------------


def _loaded_seats():
    return list(Seat.objects.filter(closed=False).select_related("board__organisation", "person", "nominated_by"))


def _boards():
    return list(Board.objects.select_related("organisation"))


def evaluate(seats, boards, today: date) -> dict:
    """{(board pk, rule): RuleResult}: G1 for CenSec's board, G2 for each board."""
    results = {}
    for board in boards:
        if board.organisation.slug == Party.CENSEC:
            results[(board.pk, BoardRule.G1)] = rules.g1(seats, today)
        results[(board.pk, BoardRule.G2)] = rules.g2(seats, [board], today)
    return results


def board_rules_now(board: Board, *, today: date | None = None) -> dict:
    """{rule: RuleResult} for one board now (two queries)."""
    today = today or timezone.localdate()
    results = evaluate(_loaded_seats(), _boards(), today)
    return {rule: result for (pk, rule), result in results.items() if pk == board.pk}


def _recipients(board: Board):
    """Both parties' directors and the board's own secretariat."""
    secretariat = get_user_model().objects.filter(
        is_active=True, roles__kind=RoleKind.SECRETARIAT, roles__organisation=board.organisation
    )
    return list(party_staff(RoleKind.DIRECTOR)), list(secretariat.distinct())


def _tell_broken(board: Board, state: BoardRuleState) -> None:
    key = f"{state.rule.lower()}-broken:{board.organisation.slug}:{state.since.isoformat()}:{state.breaks}"
    context = {"board": board, "rule": state.rule, "reason": state.reason, "since": state.since}
    directors, secretariat = _recipients(board)
    slug = board.organisation.slug
    notifications.notify(
        recipients=secretariat, kind=NOTIFICATION_KIND, key=key, template="board-rule-broken", context=context,
        url=f"/governance/boards/{slug}/",
    )
    notifications.notify(
        recipients=[u for u in directors if u not in secretariat], kind=NOTIFICATION_KIND, key=key,
        template="board-rule-broken", context=context, url="/governance/boards/",
    )


def board_rules_watch(*, today: date | None = None) -> list[BoardRuleState]:
    """Evaluate G1 and G2 and record each board's state; a rule that stops holding tells people once.

    1. The first evaluation of a rule on a board only records its state (nobody is told).
    2. Holding → not holding: the state is claimed with a conditional update (a concurrent run
       that lost the claim tells nobody), `breaks` is raised, and both parties' directors and the
       board's secretariat get one notification keyed "<rule>-broken:<board>:<date>:<n>".
    3. Not holding → holding: the state is recorded; the next break is a new notice.
    Returns the states that broke now.
    """
    today = today or timezone.localdate()
    boards = _boards()
    results = evaluate(_loaded_seats(), boards, today)
    by_pk = {b.pk: b for b in boards}
    states = {(s.board_id, s.rule): s for s in BoardRuleState.objects.all()}
    broke = []
    for (board_pk, rule), result in results.items():
        state = states.get((board_pk, rule))
        if state is None:
            BoardRuleState.objects.get_or_create(
                board_id=board_pk, rule=rule, defaults={"holds": result.met, "reason": result.reason, "since": today}
            )
            continue
        if state.holds and not result.met:
            claimed = BoardRuleState.objects.filter(pk=state.pk, holds=True).update(
                holds=False, since=today, reason=result.reason, breaks=F("breaks") + 1
            )
            if claimed:
                state.refresh_from_db()
                _tell_broken(by_pk[board_pk], state)
                broke.append(state)
        elif not state.holds and result.met:
            BoardRuleState.objects.filter(pk=state.pk, holds=False).update(holds=True, since=today, reason=result.reason)
        elif state.reason != result.reason:
            BoardRuleState.objects.filter(pk=state.pk).update(reason=result.reason)
    return broke


def broken_notices(board: Board) -> list[BoardRuleState]:
    """The rules of this board that stopped holding (after holding) and do not hold again yet."""
    return list(BoardRuleState.objects.filter(board=board, holds=False, breaks__gt=0).order_by("rule"))


# --- the consequence of a change, before it is made ---------------------------------------------


@dataclass
class Consequence:
    """What a change would do to G1 and G2: a sentence per rule that changes or fails, and whether one breaks."""

    lines: list = field(default_factory=list)
    breaks: bool = False


def _g1_count(seats, today):
    return len(rules.g1_representatives(seats, today))


def consequence(
    *, board: Board, what: str, add: Seat | None = None, replace: Seat | None = None, person: Person | None = None,
    day: date | None = None,
) -> Consequence:
    """Evaluate G1 and G2 now and as they would be after the change, in memory (nothing is written).

    `add` an unsaved seat; `replace` a changed copy of an existing seat (a closed copy: ended);
    `person` a changed copy of an existing person. `what` names the change ("ending this seat").
    """
    today = timezone.localdate()
    day = max(day or today, today)
    seats = _loaded_seats()
    boards = _boards()
    after = [s for s in seats if not (replace is not None and s.pk == replace.pk)]
    if replace is not None and not replace.closed:
        after.append(replace)
    if add is not None:
        after.append(add)
    if person is not None:
        changed = []
        for s in after:
            if s.person_id == person.pk:
                s = copy.copy(s)
                s.person = person
            changed.append(s)
        after = changed
    for s in after:
        if s.nominated_by_id and (s.nominated_by is None or s.nominated_by.pk != s.nominated_by_id):
            s.nominated_by = Organisation.objects.get(pk=s.nominated_by_id)
    before_results = evaluate(seats, boards, day)
    after_results = evaluate(after, boards, day)
    result = Consequence()
    for (board_pk, rule), now in before_results.items():
        then = after_results[(board_pk, rule)]
        name = next(b for b in boards if b.pk == board_pk)
        if rule == BoardRule.G1:
            before_n, after_n = _g1_count(seats, day), _g1_count(after, day)
            values = {"what": what, "count": after_n, "before": before_n, "required": rules.G1_REQUIRED_SEATS}
            if now.met and not then.met:
                result.lines.append(_(
                    "%(what)s leaves G1 at %(count)d of %(required)d representatives (now %(before)d): G1 would stop holding."
                ) % values)
            elif not now.met and then.met:
                result.lines.append(_("%(what)s brings G1 to %(count)d of %(required)d representatives: G1 would hold.") % values)
            elif after_n != before_n:
                result.lines.append(
                    _("%(what)s changes G1 from %(before)d to %(count)d of %(required)d representatives.") % values
                )
            elif not then.met:
                result.lines.append(_("G1 still does not hold: %(reason)s") % {"reason": then.reason})
        else:
            if now.met and not then.met:
                result.lines.append(_("%(what)s breaks G2 on %(board)s: %(reason)s") % {
                    "what": what, "board": name, "reason": then.reason,
                })
            elif not now.met and then.met:
                result.lines.append(_("%(what)s makes G2 hold again on %(board)s.") % {"what": what, "board": name})
            elif not then.met:
                result.lines.append(_("G2 still does not hold on %(board)s: %(reason)s") % {"board": name, "reason": then.reason})
        if now.met and not then.met:
            result.breaks = True
    if not result.lines:
        result.lines.append(_("%(what)s leaves G1 and G2 as they are.") % {"what": what})
    return result


# --- people ---------------------------------------------------------------------------------------


def _user_for(username: str):
    if not username:
        return None
    user = get_user_model().objects.filter(username=username, is_active=True).first()
    if user is None:
        raise ValidationError({"user": _("There is no active portal user %(name)s.") % {"name": username}})
    return user


def person_add(*, user, board: Board, username: str = "", **fields) -> Person:
    """The board's secretariat registers a person (who may then get a seat)."""
    _must_manage(user, board)
    person = services.person_create(**fields, user=_user_for(username), registered_by=board)
    dashboard_changed()
    return person


def person_may_be_edited(board: Board, person: Person) -> bool:
    return person.registered_by_id == board.pk or person.seats.filter(board=board).exists()


@transaction.atomic
def person_update(*, user, board: Board, person: Person, username: str = "", **fields) -> Person:
    """Correct a person's details; G1 is evaluated again (a lost membership can break it)."""
    _must_manage(user, board)
    person = Person.objects.select_for_update().get(pk=person.pk)
    new_user = _user_for(username)
    if new_user != person.user and person.seats.filter(closed=False).exists():
        raise ValidationError({"user": _("End the person's seats before linking another portal user.")})
    for name, value in fields.items():
        setattr(person, name, value)
    person.user = new_user
    person.full_clean()
    person.save()
    dashboard_changed()
    services._watch()
    return person


# --- seats ----------------------------------------------------------------------------------------


def seat_check(seat: Seat) -> None:
    """Everything seat_create would refuse, without writing: field rules, constraints and §3 G2."""
    seat.full_clean(exclude=["closed"])
    services._check_observer(seat)


def seat_add(*, user, board: Board, **fields) -> Seat:
    _must_manage(user, board)
    return services.seat_create(board=board, **fields)


def seat_end_on(*, user, seat: Seat, on: date) -> Seat:
    """End a seat: on a day up to today it ends now (access goes at once); a later day sets the term's end."""
    _must_manage(user, seat.board)
    if seat.term_end and on > seat.term_end:
        # Ending is never lengthening: a longer term is a correction of the seat (its own form).
        raise ValidationError({"on": _("The seat's term already ends on %(day)s; to lengthen it, correct the seat.")
                               % {"day": date_format(seat.term_end, "SHORT_DATE_FORMAT")}})
    if on > timezone.localdate():
        return seat_correct(user=user, seat=seat, term_end=on)
    if on < seat.term_start:
        raise ValidationError({"on": _("The seat cannot end before its term starts (%(day)s).") % {"day": seat.term_start}})
    return services.seat_end(seat=seat, on=on)


@transaction.atomic
def seat_correct(*, user, seat: Seat, watch: bool = True, **fields) -> Seat:
    """Correct an open seat (role, term, nomination, backing); its access follows the corrected seat."""
    _must_manage(user, seat.board)
    today = timezone.localdate()
    seat = Seat.objects.select_for_update(of=("self",)).select_related("board__organisation", "person__user", "nominated_by").get(pk=seat.pk)
    if seat.closed:
        raise ValidationError(_("This seat has ended; an ended seat is not changed."))
    old = copy.copy(seat)
    for name, value in fields.items():
        setattr(seat, name, value)
    seat.full_clean(validate_constraints=False)
    services._check_observer(seat, today)
    if rules.seat_is_current(old, today):
        services._revoke(old, today)
    seat.save()
    if rules.seat_is_current(seat, today):
        services._grant(seat)
        services._invite_to_upcoming(seat)
    dashboard_changed()
    if watch:
        services._watch(today)
    return seat


# --- the board's composition as a spreadsheet ------------------------------------------------------


class BoardRejected(ValidationError):
    """An import refused as a whole; `errors` are (line number, reason)."""

    def __init__(self, errors):
        super().__init__("; ".join(f"{line}: {reason}" for line, reason in errors))
        self.errors = errors


def _yes(value: str) -> bool | None:
    value = value.strip().lower()
    return {"yes": True, "ja": True, "no": False, "nej": False, "": False}.get(value)


def _day(value: str) -> date | None:
    """A YYYY-MM-DD date within the portal's bounds (portal.parsing.validate_date); ValueError otherwise."""
    value = value.strip()
    if not value:
        return None
    day = date.fromisoformat(value)
    try:
        validate_date(day)
    except ValidationError as exc:
        raise ValueError(exc.messages[0]) from None
    return day


def export_rows(board: Board) -> list[list]:
    """One row per seat of the board, current and past (BOARD_COLUMNS)."""
    seats = board.seats.select_related("person", "nominated_by").order_by("term_start", "person__name", "pk")
    return [
        [
            s.person.name, s.person.email, s.person.company, s.person.company_role,
            "yes" if s.person.censec_member else "no", s.role, s.term_start.isoformat(),
            s.term_end.isoformat() if s.term_end else "", s.nominated_by.slug if s.nominated_by else "",
            "yes" if s.backed_by_difos else "no",
            s.backing_confirmed_on.isoformat() if s.backing_confirmed_on else "",
            s.person.statutes_accepted_on.isoformat() if s.person.statutes_accepted_on else "",
        ]
        for s in seats
    ]


def _parse_row(cells, orgs) -> tuple[dict, list[str]]:
    row = dict(zip(BOARD_COLUMNS, (c.strip() for c in cells)))
    problems = []
    if not row["name"]:
        problems.append(_("The name is missing."))
    member, backed = _yes(row["censec_member"]), _yes(row["backed_by_difos"])
    if member is None:
        problems.append(_("censec_member must be yes or no."))
    if backed is None:
        problems.append(_("backed_by_difos must be yes or no."))
    if row["seat"] not in SeatRole.values:
        problems.append(_("seat must be one of %(roles)s.") % {"roles": ", ".join(SeatRole.values)})
    days = {}
    for column in ("starts", "ends", "backing_date", "statutes_accepted"):
        try:
            days[column] = _day(row[column])
        except ValueError:
            problems.append(_("%(column)s must be a date YYYY-MM-DD, not %(value)s.") % {"column": column, "value": row[column]})
            days[column] = None
    if not row["starts"]:
        problems.append(_("starts is missing."))
    nominated = None
    if row["nominated_by"]:
        nominated = orgs.get(row["nominated_by"].lower())
        if nominated is None:
            problems.append(_("nominated_by must be one of %(slugs)s.") % {"slugs": ", ".join(sorted(orgs))})
    person = {
        "name": row["name"], "email": row["email"], "company": row["company"], "company_role": row["company_role"],
        "censec_member": bool(member), "statutes_accepted_on": days["statutes_accepted"],
    }
    seat = {
        "role": row["seat"], "term_start": days["starts"], "term_end": days["ends"], "nominated_by": nominated,
        "backed_by_difos": bool(backed), "backing_confirmed_on": days["backing_date"],
    }
    return {"person": person, "seat": seat}, problems


def _person_key(person: dict) -> str:
    return ("email:" + person["email"].lower()) if person["email"] else ("name:" + person["name"].lower())


def _find_person(person: dict) -> Person | None:
    if person["email"]:
        return Person.objects.filter(email__iexact=person["email"]).order_by("pk").first()
    return Person.objects.filter(name=person["name"], email="").order_by("pk").first()


def board_import(*, user, board: Board, name: str, data: bytes) -> dict:
    """Import a board's people and seats (BOARD_COLUMNS): every row, or none.

    1. Read the file (bounded); a wrong header is one error on line 1.
    2. Check every row on its own; a person on two rows must be given alike on both.
    3. In one transaction: people found by email (else by name) are updated, others created; each
       seat already there (same person, role and start) is corrected, others created — seats of
       the board itself before observer seats, so an observer's seat on its own board may be on a
       later line. Any refusal (G2a included) is an error on its line, and everything is rolled back.
    """
    _must_manage(user, board)
    try:
        lines = read_table(name, data, columns=len(BOARD_COLUMNS) + 1, max_rows=MAX_BOARD_ROWS)
    except TooManyRows:
        raise BoardRejected([(1, _("At most %(max)d rows can be imported at once.") % {"max": MAX_BOARD_ROWS})]) from None
    except ValidationError as exc:
        raise BoardRejected([(1, " ".join(exc.messages))]) from None
    header = [h.strip().lower() for h in lines[0][1]]
    while header and not header[-1]:
        header.pop()
    if header != BOARD_COLUMNS:
        raise BoardRejected([(1, _("The first row must name the columns %(expected)s.") % {"expected": ", ".join(BOARD_COLUMNS)})])
    orgs = {o.slug: o for o in Organisation.objects.all()}
    parsed, errors, people = [], [], {}
    for number, cells in lines[1:]:
        row, problems = _parse_row(cells, orgs)
        key = _person_key(row["person"])
        if key in people and people[key][1] != row["person"]:
            problems.append(_("The same person is given differently on line %(line)d.") % {"line": people[key][0]})
        people.setdefault(key, (number, row["person"]))
        if problems:
            errors.append((number, " ".join(problems)))
        parsed.append((number, row))
    if errors:
        raise BoardRejected(errors)
    if not parsed:
        raise BoardRejected([(2, _("The file has no seats below the header."))])
    counts = {"people_created": 0, "people_updated": 0, "seats_created": 0, "seats_updated": 0}
    today = timezone.localdate()
    with transaction.atomic():
        saved = {}
        for key, (number, fields) in people.items():
            person = _find_person(fields)
            try:
                if person is None:
                    person = services.person_create(**fields, registered_by=board)
                    counts["people_created"] += 1
                elif any(getattr(person, k) != v for k, v in fields.items()):
                    for k, v in fields.items():
                        setattr(person, k, v)
                    person.full_clean()
                    person.save()
                    counts["people_updated"] += 1
            except ValidationError as exc:
                errors.append((number, " ".join(exc.messages)))
                continue
            saved[key] = person
        ordered = sorted(parsed, key=lambda item: item[1]["seat"]["role"] == SeatRole.OBSERVER)
        for number, row in ordered:
            person = saved.get(_person_key(row["person"]))
            if person is None:
                continue
            fields = row["seat"]
            try:
                existing = board.seats.filter(person=person, role=fields["role"], term_start=fields["term_start"]).first()
                if existing is None:
                    services.seat_create(board=board, person=person, today=today, watch=False, **fields)
                    counts["seats_created"] += 1
                elif any(getattr(existing, k) != v for k, v in fields.items()):
                    if existing.closed:
                        raise ValidationError(_("This seat has ended; an ended seat is not changed."))
                    seat_correct(user=None, seat=existing, watch=False, **fields)
                    counts["seats_updated"] += 1
            except ValidationError as exc:
                errors.append((number, " ".join(exc.messages)))
        if errors:
            raise BoardRejected(sorted(errors))
    # G1 and G2 once, for the board as imported: a row on the way (an observer before the seat that
    # makes them eligible) does not tell anyone that a rule broke.
    services._watch(today)
    dashboard_changed()
    return counts


def check_rows(*, today: date | None = None) -> list[tuple[str, str, bool, str]]:
    """(board slug, rule, holds, reason) for both boards now: what `check_board` prints."""
    today = today or timezone.localdate()
    boards = _boards()
    results = evaluate(_loaded_seats(), boards, today)
    slugs = {b.pk: b.organisation.slug for b in boards}
    return [(slugs[pk], rule, result.met, result.reason) for (pk, rule), result in sorted(
        results.items(), key=lambda item: (slugs[item[0][0]], item[0][1])
    )]


def default_term_end(start: date) -> date:
    """A suggestion for a new seat's end: two years on (the board may shorten it)."""
    return start + timedelta(days=730)

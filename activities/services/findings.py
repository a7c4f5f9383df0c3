"""Running the plan checks and keeping their findings: stored once, reopened, closed, acknowledged, dismissed.

The database says what needs checking (`Activity.needs_check`); a check claims that flag with a
conditional update, so a repeated, lost or concurrent Celery task changes nothing.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import DateField, F, Q, Subquery
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from agreement.data import CLUSTER_AND_INNOVATION_ROWS
from agreement.models import Duty, Lead, MatrixRow, Organisation
from agreement.selectors import party_staff_by_party
from portal import notifications
from portal.dashboard_cache import dashboard_changed
from portal.queue import enqueue_on_commit

from .. import checks
from ..explain import explain, organisations
from ..models import Activity, ActivityStatus, Finding, FindingDuty, FindingStatus, Plan
from . import analysis
from .partners import confirmed_partner
from .plans import MAX_DURATION, plans_reopen_for_findings

logger = logging.getLogger(__name__)

ITEM_COLUMNS = (
    "pk", "plan__organisation__slug", "plan__year", "task_area_id", "start", "end", "match_keys",
    "matrix_row__code", "common_interest", "confirmed_partner", "matrix_row__lead", "matrix_row__other_party_duty",
)
STILL_OPEN = (FindingStatus.OPEN, FindingStatus.ACKNOWLEDGED)


@dataclass
class SyncResult:
    created: list[int] = field(default_factory=list)
    reopened: list[int] = field(default_factory=list)
    resolved: list[int] = field(default_factory=list)


# The matrix as the single-activity check last read it: (monotonic time, rules). The matrix is the
# agreement's data and changes rarely; one query less per saved activity is worth a minute's delay.
RULES_TTL = 60.0
_rules_cache: list = [0.0, None]


def rules_forget() -> None:
    _rules_cache[:] = [0.0, None]


# What the other party's duty on a row asks of it when the lead plans under it (an `inform` finding):
# to be informed, or to be involved (consulted, "hører/inddrager", and taking part count as involved).
INFORM_DUTY = {
    Duty.INFORMED: FindingDuty.INFORMED.value,
    Duty.INVOLVED: FindingDuty.INVOLVED.value,
    Duty.CONSULTED: FindingDuty.INVOLVED.value,
    Duty.TAKES_PART: FindingDuty.INVOLVED.value,
}


def rules_load(*, fresh: bool = True) -> dict[str, checks.RowRule]:
    """The matrix rows as the checks need them; `fresh=False` accepts a copy up to `RULES_TTL` old."""
    if not fresh and _rules_cache[1] is not None and time.monotonic() - _rules_cache[0] < RULES_TTL:
        return _rules_cache[1]
    rules = {
        code: checks.RowRule(
            code, MatrixRow(lead=lead).lead_party_slug, single_track, tuple(c.strip() for c in counterparts.split(";") if c.strip()),
            duty=INFORM_DUTY.get(duty), takes_part=duty == Duty.TAKES_PART, cluster_work=code in CLUSTER_AND_INNOVATION_ROWS,
            joint=lead == Lead.JOINT,
        )
        for code, lead, single_track, counterparts, duty in MatrixRow.objects.values_list(
            "code", "lead", "single_track", "counterparts", "other_party_duty"
        )
    }
    _rules_cache[:] = [time.monotonic(), rules]
    return rules


def _own_row(lead: str | None, duty: str | None) -> bool:
    """A row that gives each party its own activity and asks nothing of the other (5.1, own communication)."""
    return lead == Lead.EACH and duty == Duty.NONE


def items_from(queryset) -> list[checks.Item]:
    """Prepared `Item`s for the activities of `queryset` that count (cancelled ones do not), streamed in chunks.

    (The single-activity check reads its few rows with one plain statement instead, `_single_check_rows`:
    a server-side cursor would cost PostgreSQL three round trips, DECLARE, FETCH and CLOSE.)
    """
    # The checks see a partner only once the partner party confirmed it (i11d: joint activities are confirmed).
    queryset = queryset.annotate(confirmed_partner=confirmed_partner("partner__slug"))
    rows = queryset.exclude(status=ActivityStatus.CANCELLED).order_by("start", "pk").values_list(*ITEM_COLUMNS)
    return [
        checks.make_item(
            id=pk, party=party, year=year, area=area, start=start, end=end, match_keys=keys, row=row,
            common_interest=common, partner=partner, own=_own_row(lead, duty),
        )
        for pk, party, year, area, start, end, keys, row, common, partner, lead, duty in rows.iterator(chunk_size=5000)
    ]


def overlap_threshold() -> float:
    return settings.PORTAL_OVERLAP_THRESHOLD


def _rescored(by_key: dict[str, checks.Hit], existing: dict[str, tuple]) -> list[Finding]:
    """Stored findings found again with another score or other matched words (an edit changed the evidence)."""
    changed = []
    for key, (pk, _status, score, detail, duty, suggested) in existing.items():
        hit = by_key.get(key)
        if hit is None:
            continue
        if (
            hit.detail[:300] != detail or (hit.score is not None and (score is None or abs(hit.score - score) > 0.0005))
            or hit.duty != duty or hit.suggested != bool(suggested)
        ):
            changed.append(Finding(pk=pk, score=hit.score, detail=hit.detail[:300], duty=hit.duty, suggested=hit.suggested))
    return changed


EXISTING_COLUMNS = ("key", "pk", "status", "score", "detail", "duty", "suggested")


def _existing(queryset) -> dict[str, tuple]:
    return {key: rest for key, *rest in queryset.values_list(*EXISTING_COLUMNS)}


def _sync(hits: list[checks.Hit], existing: dict[str, tuple]) -> SyncResult:
    """Make the stored findings agree with `hits`, within the findings `existing` (key → id, status, score, detail, duty, suggested).

    1. A hit with no stored finding becomes a new open finding, linked to its activities.
    2. A resolved finding found again is reopened; acknowledged and dismissed ones keep their decision
       (a dismissed pair stays dismissed, however often the sweep finds it); any finding found again
       takes the new score, matched words, duty and whether its row is only suggested.
    3. An open or acknowledged finding no longer found is resolved.
    A concurrent run inserting the same key is harmless: the key is unique and conflicts are ignored.
    """
    result = SyncResult()
    by_key = {h.key: h for h in hits}
    now = timezone.now()
    result.reopened = [pk for key, (pk, status, *_r) in existing.items() if key in by_key and status == FindingStatus.RESOLVED]
    result.resolved = [pk for key, (pk, status, *_r) in existing.items() if key not in by_key and status in STILL_OPEN]
    new = [h for key, h in by_key.items() if key not in existing]
    rescored = _rescored(by_key, existing)
    if not (result.reopened or result.resolved or new or rescored):
        return result
    with transaction.atomic():
        if rescored:
            Finding.objects.bulk_update(rescored, ["score", "detail", "duty", "suggested"], batch_size=500)
        if result.reopened:
            Finding.objects.filter(pk__in=result.reopened).update(status=FindingStatus.OPEN, resolved_at=None)
        if result.resolved:
            Finding.objects.filter(pk__in=result.resolved).update(status=FindingStatus.RESOLVED, resolved_at=now)
        if new:
            rows = dict(MatrixRow.objects.values_list("code", "pk"))
            Finding.objects.bulk_create(
                [
                    Finding(
                        kind=h.kind, rule=h.rule, key=h.key, matrix_row_id=rows.get(h.rule), detail=h.detail[:300], year=h.year,
                        score=h.score, duty=h.duty, suggested=h.suggested,
                    )
                    for h in new
                ],
                batch_size=500,
                ignore_conflicts=True,
            )
            ids = dict(Finding.objects.filter(key__in=[h.key for h in new], created_at__gte=now).values_list("key", "pk"))
            Link = Finding.activities.through
            Link.objects.bulk_create(
                [Link(finding_id=ids[h.key], activity_id=a) for h in new if h.key in ids for a in h.activity_ids],
                batch_size=1000,
                ignore_conflicts=True,
            )
            result.created = list(ids.values())
    if result.created or result.reopened:
        plans_reopen_for_findings(finding_ids=result.created + result.reopened)
    if result.created or result.reopened or result.resolved:
        dashboard_changed()
    if result.created:
        from ..tasks import notify_findings_task

        enqueue_on_commit(notify_findings_task)
    return result


def check_all(*, year: int | None = None) -> SyncResult:
    """The full sweep: every rule over every activity (or one year's), then store and close findings.

    With a year, the plans of the neighbouring years are read too (an activity may run into the
    next year), but only that year's findings are touched. The term counts of every year read are
    counted afresh and kept, so the single-activity checks that follow weigh evidence the same way.
    """
    queryset = Activity.objects.all()
    if year is not None:
        queryset = queryset.filter(plan__year__range=(year - 1, year + 1))
    items = items_from(queryset)
    corpora = checks.corpora_of(items)
    analysis.corpora_store(corpora)
    hits = checks.run_all(items, rules_load(), corpora=corpora, threshold=overlap_threshold())
    existing = Finding.objects.all()
    if year is not None:
        hits = [h for h in hits if h.year == year]
        existing = existing.filter(year=year)
    return _sync(hits, _existing(existing))


# --- The single-activity check's two queries, compiled once per process ----------------------------
# Building the SQL of a query with subqueries costs the ORM about as much as the database takes to
# run it; the statements never change, only the activity's id, so they are compiled once.
SENTINEL = -7_777_777
SINGLE_COLUMNS = ("pk", "plan_id", "task_area_id", "start", "end", "match_keys", "matrix_row_id", "common_interest", "confirmed_partner_id")


@dataclass
class _Prepared:
    sql: str
    params: tuple
    vendor: str

    def run(self, activity_id: int) -> list[tuple]:
        params = [activity_id if p == SENTINEL else p for p in self.params]
        with connection.cursor() as cursor:
            cursor.execute(self.sql, params)
            return cursor.fetchall()


_statements: dict[tuple[str, str], _Prepared] = {}


def _prepared(name: str, build) -> _Prepared:
    key = (name, connection.vendor)
    statement = _statements.get(key)
    if statement is None:
        sql, params = build(SENTINEL).query.sql_with_params()
        statement = _statements[key] = _Prepared(sql, tuple(params), connection.vendor)
    return statement


def _activity_and_candidates(activity_id: int):
    """The activity and every activity (not cancelled) whose dates overlap it, of either party and any task area.

    The activity's dates come in as subqueries, which both databases evaluate once and use as
    bounds of the (start, end) index; the lower bound is the longest possible activity before it.
    """
    one = Activity.objects.filter(pk=activity_id).order_by()
    window = one.annotate(lo=Cast(F("start") - MAX_DURATION, DateField())).values("lo")[:1]
    return (
        Activity.objects.filter(
            Q(pk=activity_id)
            | Q(start__gte=Subquery(window), start__lte=Subquery(one.values("end")[:1]), end__gte=Subquery(one.values("start")[:1]))
        )
        .exclude(status=ActivityStatus.CANCELLED).annotate(confirmed_partner_id=confirmed_partner("partner_id"))
        .order_by().values_list(*SINGLE_COLUMNS)
    )


def _findings_of(activity_id: int):
    return Finding.objects.filter(activities__pk=activity_id).order_by().values_list(*EXISTING_COLUMNS)


# What an activity's plan, matrix row and partner stand for never changes for a given id (a plan's
# party and year are fixed, the matrix is the agreement's): read once per process, again for a new id.
_plans: dict[int, tuple[str, int]] = {}
_rows: dict[int, tuple[str, str, str]] = {}
_orgs: dict[int, str] = {}


def _lookups(rows: list[tuple]) -> None:
    if any(r[1] not in _plans for r in rows):
        _plans.update({pk: (slug, year) for pk, slug, year in Plan.objects.values_list("pk", "organisation__slug", "year")})
    if any(r[6] is not None and r[6] not in _rows for r in rows):
        _rows.update({pk: rest for pk, *rest in MatrixRow.objects.values_list("pk", "code", "lead", "other_party_duty")})
    if any(r[8] is not None and r[8] not in _orgs for r in rows):
        _orgs.update(dict(Organisation.objects.values_list("pk", "slug")))


def lookups_forget() -> None:
    for cache in (_plans, _rows, _orgs, _statements):
        cache.clear()


def _as_date(value) -> dt.date:
    return dt.date.fromisoformat(value[:10]) if isinstance(value, str) else value


def _single_check_rows(activity_id: int) -> list[checks.Item]:
    rows = _prepared("candidates", _activity_and_candidates).run(activity_id)
    _lookups(rows)
    items = []
    for pk, plan, area, start, end, keys, row, common, partner in rows:
        party, year = _plans[plan]
        code, lead, duty = _rows[row] if row is not None else (None, None, None)
        items.append(checks.make_item(
            id=pk, party=party, year=year, area=area, start=_as_date(start), end=_as_date(end), match_keys=keys, row=code,
            common_interest=bool(common), partner=_orgs.get(partner) if partner is not None else None, own=_own_row(lead, duty),
        ))
    return items


def check_activity(activity_id: int) -> SyncResult:
    """Every rule for one activity, with indexed queries only: its row, its overlap candidates, its findings.

    1. Read the activity with its candidates (one query, `_activity_and_candidates`), and the
       findings it is part of (a second); both statements are compiled once per process.
    2. Candidates are the other parties' activities of any task area whose dates overlap it: an
       index range on (start, end), bounded by the longest possible activity (`MAX_DURATION`).
    3. Weigh the evidence with the stored term counts of the years involved (`TermStatistics`,
       counted by the last sweep), the same counts the sweep used.
    """
    rows = _single_check_rows(activity_id)
    existing = {key: rest for key, *rest in _prepared("findings", _findings_of).run(activity_id)}
    found = [r for r in rows if r.id == activity_id]
    if not found:  # cancelled (or deleted): whatever it caused is resolved
        return _sync([], existing)
    item = found[0]
    candidates = [r for r in rows if r.id != activity_id and r.party != item.party]
    corpora = analysis.corpora_load({min(item.year, c.year) for c in candidates}, fresh=False) if candidates else {}
    hits = checks.run_for(item, candidates, rules_load(fresh=False), corpora=corpora, threshold=overlap_threshold())
    return _sync(hits, existing)


def _claim(activity_id: int, requested_at) -> bool:
    """Take the pending check of an activity; False if another worker (or a newer save) has it."""
    return Activity.objects.filter(pk=activity_id, needs_check=True, check_requested_at=requested_at).update(needs_check=False) == 1


def check_pending(activity_id: int, requested_at=None) -> bool:
    """Run the pending check of one activity if it is still pending; True if this call ran it.

    On an error the flag is set again, so the next sweep retries it.
    """
    if requested_at is None:
        requested_at = (
            Activity.objects.filter(pk=activity_id, needs_check=True).values_list("check_requested_at", flat=True).first()
        )
        if requested_at is None:
            return False
    if not _claim(activity_id, requested_at):
        return False
    try:
        check_activity(activity_id)
    except Exception:
        Activity.objects.filter(pk=activity_id).update(needs_check=True)
        raise
    return True


def sweep_pending(*, limit: int = 5000) -> int:
    """Check every activity still marked as needing it (what the broker did not deliver); returns how many.

    The limit covers the largest import (a few milliseconds per activity); anything beyond waits for the next run.
    """
    todo = list(
        Activity.objects.filter(needs_check=True).order_by("check_requested_at").values_list("pk", "check_requested_at")[:limit]
    )
    if len(todo) > 1:
        # Many at once (an import, a copied plan): count their years' terms first, so the new
        # activities weigh evidence among themselves and not against counts taken before them.
        years = set(Activity.objects.filter(pk__in=[pk for pk, _at in todo]).values_list("plan__year", flat=True))
        analysis.corpora_count(years | {y - 1 for y in years})
    done = 0
    for pk, requested_at in todo:
        try:
            done += check_pending(pk, requested_at)
        except Exception:
            logger.exception("Check of activity %s failed; it stays pending", pk)
    return done


# --- Telling people -------------------------------------------------------------------------------


def findings_with_activities(queryset):
    return queryset.select_related("matrix_row", "handled_by").prefetch_related("activities__plan__organisation")


def notify_pending_findings(*, limit: int = 200) -> int:
    """Tell the secretariats and directors of the parties each new finding concerns, once; returns how many were told.

    1. Pick findings nobody has been told of yet, oldest first.
    2. Claim each with a conditional update of `notified_at`; skip it if another worker did.
    3. Notify for those still open (one resolved meanwhile needs no message); on an error give the
       claim back, so the next run retries it. `notify()` itself stores each message once.
    """
    now = timezone.now()
    todo = list(Finding.objects.filter(notified_at__isnull=True).order_by("id").values_list("pk", flat=True)[:limit])
    claimed = [pk for pk in todo if Finding.objects.filter(pk=pk, notified_at__isnull=True).update(notified_at=now)]
    if not claimed:
        return 0
    staff = party_staff_by_party()
    parties = {o.slug: o for o in Organisation.objects.filter(kind=Organisation.Kind.PARTY)}
    analyzer = analysis.analyzer_for()
    told = 0
    for finding in findings_with_activities(Finding.objects.filter(pk__in=claimed, status=FindingStatus.OPEN)):
        try:
            with translation.override(settings.LANGUAGE_CODE):
                sentence = explain(finding, parties, analyzer)
                kind = str(finding.get_kind_display())
            notifications.notify(
                recipients=[u for slug in organisations(finding) for u in staff.get(slug, [])],
                kind="activity_finding",
                key=str(finding.pk),
                template="finding-new",
                context={"kind": kind, "rule": finding.rule, "explanation": sentence},
                url=f"{reverse('activities:findings')}?id={finding.pk}",
            )
        except Exception:
            logger.exception("Could not notify finding %s; it will be retried", finding.pk)
            Finding.objects.filter(pk=finding.pk).update(notified_at=None)
            continue
        told += 1
    return told


# --- Decisions on findings ------------------------------------------------------------------------


def finding_close(*, finding: Finding, user, reason: str, status: str, from_statuses=(FindingStatus.OPEN,)) -> Finding:
    """Record that the parties have settled an open finding (acknowledged or dismissed, with the reason).

    Who may settle it is the parties' business (coordination asks both parties for their word and
    calls this once the word that closes it is given); this only writes the outcome, once.
    """
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Give a reason, so the other party can see why.")})
    now = timezone.now()
    if not Finding.objects.filter(pk=finding.pk, status__in=list(from_statuses)).update(
        status=status, reason=reason[:2000], handled_by=user, handled_at=now
    ):
        raise ValidationError(_("Someone else has already dealt with this finding."))
    finding.refresh_from_db()
    dashboard_changed()
    return finding

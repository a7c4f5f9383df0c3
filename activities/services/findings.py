"""Running the plan checks and keeping their findings: stored once, reopened, closed, acknowledged, dismissed.

The database says what needs checking (`Activity.needs_check`); a check claims that flag with a
conditional update, so a repeated, lost or concurrent Celery task changes nothing.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from agreement.models import MatrixRow, Organisation
from agreement.selectors import party_staff_by_party
from portal import notifications, permissions
from portal.dashboard_cache import dashboard_changed
from portal.queue import enqueue_on_commit

from .. import checks
from ..explain import explain, organisations
from ..models import Activity, ActivityStatus, Finding, FindingStatus
from .plans import MAX_DURATION

logger = logging.getLogger(__name__)

ITEM_COLUMNS = (
    "pk", "plan__organisation__slug", "plan__year", "task_area_id", "start", "end", "match_keys",
    "matrix_row__code", "common_interest", "partner__slug",
)
STILL_OPEN = (FindingStatus.OPEN, FindingStatus.ACKNOWLEDGED)


@dataclass
class SyncResult:
    created: list[int] = field(default_factory=list)
    reopened: list[int] = field(default_factory=list)
    resolved: list[int] = field(default_factory=list)


def rules_load() -> dict[str, checks.RowRule]:
    """The matrix rows as the checks need them."""
    return {
        code: checks.RowRule(code, MatrixRow(lead=lead).lead_party_slug, single_track, tuple(
            c.strip() for c in counterparts.split(";") if c.strip()
        ))
        for code, lead, single_track, counterparts in MatrixRow.objects.values_list("code", "lead", "single_track", "counterparts")
    }


def items_from(queryset) -> list[checks.Item]:
    """Prepared `Item`s for the activities of `queryset` that count (cancelled ones do not).

    They come in the order of the task-area/date index, the order the overlap sweep walks them in.
    """
    rows = queryset.exclude(status=ActivityStatus.CANCELLED).order_by("task_area_id", "start", "pk").values_list(*ITEM_COLUMNS)
    return [
        checks.make_item(
            id=pk, party=party, year=year, area=area, start=start, end=end, match_keys=keys, row=row,
            common_interest=common, partner=partner,
        )
        for pk, party, year, area, start, end, keys, row, common, partner in rows.iterator(chunk_size=5000)
    ]


def _sync(hits: list[checks.Hit], existing: dict[str, tuple[int, str]]) -> SyncResult:
    """Make the stored findings agree with `hits`, within the findings `existing` (key → id, status).

    1. A hit with no stored finding becomes a new open finding, linked to its activities.
    2. A resolved finding found again is reopened; acknowledged and dismissed ones keep their decision.
    3. An open or acknowledged finding no longer found is resolved.
    A concurrent run inserting the same key is harmless: the key is unique and conflicts are ignored.
    """
    result = SyncResult()
    by_key = {h.key: h for h in hits}
    now = timezone.now()
    result.reopened = [pk for key, (pk, status) in existing.items() if key in by_key and status == FindingStatus.RESOLVED]
    result.resolved = [pk for key, (pk, status) in existing.items() if key not in by_key and status in STILL_OPEN]
    new = [h for key, h in by_key.items() if key not in existing]
    with transaction.atomic():
        if result.reopened:
            Finding.objects.filter(pk__in=result.reopened).update(status=FindingStatus.OPEN, resolved_at=None)
        if result.resolved:
            Finding.objects.filter(pk__in=result.resolved).update(status=FindingStatus.RESOLVED, resolved_at=now)
        if new:
            rows = dict(MatrixRow.objects.values_list("code", "pk"))
            Finding.objects.bulk_create(
                [
                    Finding(kind=h.kind, rule=h.rule, key=h.key, matrix_row_id=rows.get(h.rule), detail=h.detail[:300], year=h.year)
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
    if result.created or result.reopened or result.resolved:
        dashboard_changed()
    if result.created:
        from ..tasks import notify_findings_task

        enqueue_on_commit(notify_findings_task)
    return result


def check_all(*, year: int | None = None) -> SyncResult:
    """The full sweep: every rule over every activity (or one year's), then store and close findings.

    With a year, the plans of the neighbouring years are read too (an activity may run into the
    next year), but only that year's findings are touched.
    """
    queryset = Activity.objects.all()
    if year is not None:
        queryset = queryset.filter(plan__year__range=(year - 1, year + 1))
    hits = checks.run_all(items_from(queryset), rules_load())
    existing = Finding.objects.all()
    if year is not None:
        hits = [h for h in hits if h.year == year]
        existing = existing.filter(year=year)
    return _sync(hits, {key: (pk, status) for key, pk, status in existing.values_list("key", "pk", "status")})


def check_activity(activity_id: int) -> SyncResult:
    """Every rule for one activity, with indexed queries only: its row, its overlap candidates, its findings.

    Candidates are the other parties' activities in the same task area that start no earlier than
    the longest possible activity before this one ends (an index range on task area and start).
    """
    found = items_from(Activity.objects.filter(pk=activity_id))
    existing = {
        key: (pk, status)
        for key, pk, status in Finding.objects.filter(activities__pk=activity_id).values_list("key", "pk", "status")
    }
    if not found:  # cancelled (or deleted): whatever it caused is resolved
        return _sync([], existing)
    item = found[0]
    start, end = dt.date.fromordinal(item.start), dt.date.fromordinal(item.end)
    candidates = items_from(
        Activity.objects.filter(task_area_id=item.area, start__gte=start - MAX_DURATION, start__lte=end, end__gte=start)
        .exclude(plan__organisation__slug=item.party)
    )
    return _sync(checks.run_for(item, candidates, rules_load()), existing)


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
    told = 0
    for finding in findings_with_activities(Finding.objects.filter(pk__in=claimed, status=FindingStatus.OPEN)):
        try:
            with translation.override(settings.LANGUAGE_CODE):
                sentence = explain(finding, parties)
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


def _decide(*, finding: Finding, user, reason: str, status: str, from_statuses) -> Finding:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Give a reason, so the other party can see why.")})
    now = timezone.now()
    if not Finding.objects.filter(pk=finding.pk, status__in=from_statuses).update(
        status=status, reason=reason[:2000], handled_by=user, handled_at=now
    ):
        raise ValidationError(_("Someone else has already dealt with this finding."))
    finding.refresh_from_db()
    dashboard_changed()
    return finding


def finding_acknowledge(*, user, finding: Finding, reason: str) -> Finding:
    """A concerned party acknowledges an open finding, saying why it may stand (or that it has been read)."""
    if not permissions.may_acknowledge_finding(user, finding):
        raise PermissionDenied(_("You cannot acknowledge this finding."))
    return _decide(finding=finding, user=user, reason=reason, status=FindingStatus.ACKNOWLEDGED, from_statuses=[FindingStatus.OPEN])


def finding_dismiss(*, user, finding: Finding, reason: str) -> Finding:
    """A director dismisses a finding that does not hold, with the reason."""
    if not permissions.may_dismiss_finding(user, finding):
        raise PermissionDenied(_("Only a director can dismiss a finding."))
    return _decide(finding=finding, user=user, reason=reason, status=FindingStatus.DISMISSED, from_statuses=list(STILL_OPEN))

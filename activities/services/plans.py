"""Writes for plans and activities (§4): create, edit with optimistic locking, delete, submit, copy; revisions and reopening."""

from __future__ import annotations

import datetime as dt
import re

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from agreement.models import Organisation
from agreement.selectors import party_staff
from portal import notifications, permissions
from portal.models import RoleKind
from portal.dashboard_cache import dashboard_changed
from portal.public_cache import public_changed
from portal.queue import enqueue_on_commit

from .. import checks
from ..changes import EDITABLE_FIELDS, ChangeDescriber
from . import partners
from .analysis import activity_match_keys, analyzer_for_batch
from ..models import Activity, ActivityStatus, Finding, FindingStatus, Plan, PlanStatus, Visibility

# An activity belongs to one annual plan: it starts in the plan's year and lasts at most a year.
# The bound is also what keeps the single-activity overlap check an indexed range query.
MAX_DURATION = dt.timedelta(days=366)

TERM_FIELDS = ("topics", "counterparts", "target_groups")


class StaleActivity(ValidationError):
    """Someone else saved the activity after this user opened it; their save is refused, not merged."""

    def __init__(self, *, changes: list[tuple[str, str, str]], by, at, version: int):
        self.changes, self.by, self.at, self.version = changes, by, at, version
        super().__init__(_("Someone else saved this activity while you were editing it."))


def _require(allowed: bool, message: str) -> None:
    if not allowed:
        raise PermissionDenied(message)


def plan_create(*, user, organisation: Organisation, year: int) -> Plan:
    """Start a party's plan for a year; only that party's secretariat may."""
    _require(permissions.may_create_plan(user, organisation), _("Only the party's secretariat can start its plan."))
    if not organisation.is_party:
        raise ValidationError(_("Only a party to the agreement has an activity plan."))
    plan = Plan(organisation=organisation, year=year)
    plan.full_clean()
    plan._history_user = user
    plan.save()
    dashboard_changed()
    return plan


def plan_get_or_create(*, organisation: Organisation, year: int) -> Plan:
    """The plan for an import from the command line, which runs with no user."""
    plan, created = Plan.objects.get_or_create(organisation=organisation, year=year)
    if created:
        dashboard_changed()
    return plan


# Characters no spreadsheet cell may hold (and no person means to type); tab and line breaks are fine.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _clean_terms(activity: Activity) -> None:
    for name in TERM_FIELDS:
        setattr(activity, name, "; ".join(checks.split_terms(getattr(activity, name))))
    activity.title = activity.title.strip()


def activity_validate(activity: Activity) -> None:
    """Every rule an activity must meet, as one ValidationError keyed by field."""
    _clean_terms(activity)
    errors: dict[str, list[str]] = {}
    try:
        # The constraints are the database's; their messages are given per field below instead.
        activity.full_clean(exclude=["plan"], validate_constraints=False)
    except ValidationError as exc:
        errors = {k: list(v) for k, v in exc.message_dict.items()}
    plan = activity.plan
    if activity.start and activity.end and activity.end < activity.start:
        errors.setdefault("end", []).append(_("The end date cannot be before the start date."))
    if activity.start and activity.start.year != plan.year:
        errors.setdefault("start", []).append(
            _("The activity must start in %(year)s, the year of the plan.") % {"year": plan.year}
        )
    if activity.start and activity.end and activity.end - activity.start > MAX_DURATION:
        errors.setdefault("end", []).append(_("An activity lasts at most a year; split longer work into one activity per year."))
    if activity.partner_id and (activity.partner_id == plan.organisation_id or not activity.partner.is_party):
        errors.setdefault("partner", []).append(_("The partner must be the other party."))
    for name in ("title", "description", "place", *TERM_FIELDS):
        if CONTROL_CHARACTERS.search(getattr(activity, name) or ""):
            errors.setdefault(name, []).append(_("Remove the invisible control characters (often pasted from another program)."))
    if errors:
        raise ValidationError(errors)


def _mark_for_check(activity: Activity, analyzer=None) -> None:
    activity.match_keys = activity_match_keys(activity, analyzer)
    activity.needs_check = True
    activity.check_requested_at = timezone.now()


def _stamp_published(activity: Activity) -> None:
    """Record the first moment the activity is shown on the members pages.

    "Published" means: its plan is no longer a draft while the activity is visible (members or
    public) and not cancelled. A cancelled activity is then still shown, as cancelled; one that was
    never published is not shown at all.
    """
    if (
        activity.published_at is None and activity.plan.status != PlanStatus.DRAFT
        and activity.visibility != Visibility.INTERNAL and activity.status != ActivityStatus.CANCELLED
    ):
        activity.published_at = timezone.now()


def _after_write(activity_ids: list[int]) -> None:
    """Queue the check for the changed activities; if the broker is down the pending sweep finds them."""
    from ..tasks import check_activity_task, sweep_pending_task

    if len(activity_ids) == 1:
        enqueue_on_commit(check_activity_task, activity_ids[0])
    elif activity_ids:
        enqueue_on_commit(sweep_pending_task)
    dashboard_changed()


def activity_create(*, user, plan: Plan, **fields) -> Activity:
    """Add an activity to a plan; its check is queued for after the commit."""
    _require(permissions.may_edit_plan(user, plan), _("Only the party's secretariat can change its plan."))
    activity = Activity(plan=plan, **fields)
    activity_validate(activity)
    _mark_for_check(activity)
    _stamp_published(activity)
    activity._history_user = user
    with transaction.atomic():
        activity.save()
        plan_changed(plan=plan, user=user)
    _after_write([activity.pk])
    partners.partner_named([activity])
    if activity.visibility != Visibility.INTERNAL:
        public_changed()
    return activity


def _stale_changes(activity: Activity, version: int) -> list[tuple[str, str, str]]:
    """What the other save changed: each field whose value differs from the version the user opened."""
    opened = activity.history.filter(version=version).order_by("-history_date").first()
    return ChangeDescriber().changes(opened, activity) if opened else []


def activity_update(*, user, activity: Activity, version: int, **fields) -> Activity:
    """Save an edit made on `version` of the activity; refused if someone saved it in the meantime.

    1. Validate the new values (nothing is written if they are wrong).
    2. Claim the save with a conditional update on the version column; no row means someone else
       saved first: raise StaleActivity describing what they changed.
    3. Save the fields (simple-history records who and what) and queue the check.
    """
    _require(permissions.may_edit_plan(user, activity.plan), _("Only the party's secretariat can change its plan."))
    was_visible = activity.visibility != Visibility.INTERNAL
    old_partner = activity.partner_id
    for name, value in fields.items():
        setattr(activity, name, value)
    confirmation = partners.clear_if_partner_changed(activity, old_partner)
    activity_validate(activity)
    _mark_for_check(activity)
    _stamp_published(activity)
    with transaction.atomic():
        if not Activity.objects.filter(pk=activity.pk, version=version).update(version=F("version") + 1):
            current = Activity.objects.get(pk=activity.pk)
            last = current.history.order_by("-history_date").first()
            raise StaleActivity(
                changes=_stale_changes(current, version),
                by=last.history_user if last else None,
                at=last.history_date if last else None,
                version=current.version,
            )
        activity.version = version + 1
        activity._history_user = user
        activity.save(update_fields=[
            *EDITABLE_FIELDS, "version", "match_keys", "needs_check", "check_requested_at", "updated_at", "published_at",
            *confirmation,
        ])
        plan_changed(plan=activity.plan, user=user)
    _after_write([activity.pk])
    if confirmation:
        partners.partner_named([activity])
    if was_visible or activity.visibility != Visibility.INTERNAL:
        public_changed()
    return activity


def activity_delete(*, user, activity: Activity) -> None:
    """Delete an activity; its open findings are resolved first, so the record of them stays."""
    _require(permissions.may_edit_plan(user, activity.plan), _("Only the party's secretariat can change its plan."))
    with transaction.atomic():
        Finding.objects.filter(activities=activity, status__in=[FindingStatus.OPEN, FindingStatus.ACKNOWLEDGED]).update(
            status=FindingStatus.RESOLVED, resolved_at=timezone.now()
        )
        activity._history_user = user
        activity.delete()
        plan_changed(plan=activity.plan, user=user)
    dashboard_changed()
    if activity.visibility != Visibility.INTERNAL:
        public_changed()


def plan_submit(*, user, plan: Plan) -> Plan:
    """The secretariat submits its draft plan for coordination with the other party."""
    _require(permissions.may_submit_plan(user, plan), _("Only the party's secretariat can submit a draft plan."))
    if not Plan.objects.filter(pk=plan.pk, status=PlanStatus.DRAFT).exists():
        raise ValidationError(_("The plan has already been submitted."))
    plan.status, plan.submitted_at = PlanStatus.SUBMITTED, timezone.now()
    with transaction.atomic():
        plan._history_user = user
        plan.save(update_fields=["status", "submitted_at"])
        # What is visible and not cancelled is published now (see _stamp_published).
        plan.activities.filter(published_at__isnull=True).exclude(visibility=Visibility.INTERNAL).exclude(
            status=ActivityStatus.CANCELLED
        ).update(published_at=plan.submitted_at)
    dashboard_changed()
    public_changed()
    return plan


def plan_mark_coordinated(*, plan: Plan, user, revision: int) -> bool:
    """Mark a submitted plan coordinated, if it is still at `revision`; True if this call did.

    Whether both parties have approved it is coordination's decision (coordination.services_twoparty);
    the conditional update makes a change to the plan's activities in the meantime win.
    """
    now = timezone.now()
    if not Plan.objects.filter(pk=plan.pk, status=PlanStatus.SUBMITTED, revision=revision).update(
        status=PlanStatus.COORDINATED, coordinated_at=now, coordinated_by=user
    ):
        return False
    plan.refresh_from_db()
    plan._history_user = user
    plan.save(update_fields=["status", "coordinated_at", "coordinated_by"])  # the history row
    dashboard_changed()
    return True


def plan_changed(*, plan: Plan, user=None) -> None:
    """A change to the plan's activities: raise its revision, and reopen it if it was coordinated.

    1. Raise `Plan.revision`: the parties' approvals are of one revision, so none counts any more.
    2. A coordinated plan goes back to submitted (a conditional update, so it is reopened once),
       and both parties' directors are told, once per reopening.
    """
    Plan.objects.filter(pk=plan.pk).update(revision=F("revision") + 1)
    if not Plan.objects.filter(pk=plan.pk, status=PlanStatus.COORDINATED).update(
        status=PlanStatus.SUBMITTED, coordinated_at=None, coordinated_by=None
    ):
        plan.revision = Plan.objects.filter(pk=plan.pk).values_list("revision", flat=True).first() or plan.revision
        return
    plan.refresh_from_db()
    plan._history_user = user
    plan.save(update_fields=["status"])  # the history row
    _tell_directors_reopened(plan, user)


def plans_reopen_for_findings(*, finding_ids) -> list[Plan]:
    """A new (or found again) finding on a coordinated plan: the plan is coordinated no longer.

    It goes back to submitted until the finding is settled (a conditional update, once); the parties'
    approvals of its revision stand, so settling the finding coordinates it again. Both parties'
    directors are told once per reopening. One query when no coordinated plan is concerned.
    """
    reopened = []
    concerned = Plan.objects.filter(status=PlanStatus.COORDINATED, activities__findings__in=finding_ids).distinct()
    for plan in concerned.select_related("organisation"):
        if not Plan.objects.filter(pk=plan.pk, status=PlanStatus.COORDINATED).update(
            status=PlanStatus.SUBMITTED, coordinated_at=None, coordinated_by=None
        ):
            continue
        plan.refresh_from_db()
        plan.save(update_fields=["status"])  # the history row
        first = Finding.objects.filter(pk__in=finding_ids, activities__plan=plan).order_by("pk").values_list("pk", flat=True).first()
        notifications.notify(
            recipients=list(party_staff(RoleKind.DIRECTOR)),
            kind="plan_reopened",
            key=f"{plan.pk}:{plan.revision}:finding:{first}",
            template="plan-reopened-finding",
            context={"plan": str(plan)},
            url=reverse("activities:plan", args=[plan.organisation.slug, plan.year]),
        )
        reopened.append(plan)
    return reopened


def _tell_directors_reopened(plan: Plan, user) -> None:
    notifications.notify(
        recipients=list(party_staff(RoleKind.DIRECTOR)),
        kind="plan_reopened",
        key=f"{plan.pk}:{plan.revision}",
        template="plan-reopened",
        context={"plan": str(plan), "by": str(user) if user else ""},
        url=reverse("activities:plan", args=[plan.organisation.slug, plan.year]),
    )


def _shift_year(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year that has none
        return day.replace(year=day.year + years, day=28)


def plan_duplicate(*, user, plan: Plan, source: Plan) -> int:
    """Copy the activities of an earlier plan of the same party into `plan`, moved to its year, as planned.

    Returns how many were copied. Cancelled activities are left behind.
    """
    _require(permissions.may_edit_plan(user, plan), _("Only the party's secretariat can change its plan."))
    if source.organisation_id != plan.organisation_id or source.year >= plan.year:
        raise ValidationError(_("Only an earlier plan of the same party can be copied."))
    shift = plan.year - source.year
    copies = []
    for old in source.activities.exclude(status=ActivityStatus.CANCELLED).order_by("start", "id"):
        new = Activity(plan=plan, status=ActivityStatus.PLANNED, start=_shift_year(old.start, shift), end=_shift_year(old.end, shift))
        for name in EDITABLE_FIELDS:
            if name not in ("start", "end", "status"):
                setattr(new, name, getattr(old, name))
        activity_validate(new)
        copies.append(new)
    return len(activities_bulk_create(plan=plan, activities=copies, user=user))


def activities_bulk_create(*, plan: Plan, activities: list[Activity], user=None) -> list[Activity]:
    """Store validated activities in one go, with history; one sweep is queued for all of them."""
    from simple_history.utils import bulk_create_with_history

    # One analyzer for the batch, whose words are compound parts for each other.
    analyzer = analyzer_for_batch(activities, year=plan.year)
    for activity in activities:
        activity.plan = plan
        _mark_for_check(activity, analyzer)
        _stamp_published(activity)
    try:
        with transaction.atomic():
            created = bulk_create_with_history(activities, Activity, batch_size=500, default_user=user)
            if created:
                plan_changed(plan=plan, user=user)
    except IntegrityError as exc:
        raise ValidationError(_("The activities could not be saved: %(error)s") % {"error": exc}) from None
    _after_write([a.pk for a in created])
    partners.partner_named(created)
    if any(a.visibility != Visibility.INTERNAL for a in created):
        public_changed()
    return created


def plan_clear(*, user, plan: Plan) -> int:
    """Delete every activity of the plan (an import that replaces the plan); their findings are resolved."""
    if user is not None:
        _require(permissions.may_edit_plan(user, plan), _("Only the party's secretariat can change its plan."))
    Finding.objects.filter(
        activities__plan=plan, status__in=[FindingStatus.OPEN, FindingStatus.ACKNOWLEDGED]
    ).update(status=FindingStatus.RESOLVED, resolved_at=timezone.now())
    deleted, _by_model = plan.activities.all().delete()
    if deleted:
        plan_changed(plan=plan, user=user)
    dashboard_changed()
    public_changed()
    return deleted

"""Joint activities (§4: tasks of common interest "løst i fællesskab"): the partner party confirms them.

A partner named on an activity counts only once someone of the partner party (its director or
secretariat, `permissions.may_confirm_partner`) confirms it; until then every check runs as for any
activity (the checks see only a confirmed partner: `confirmed_partner`). Naming the partner tells
the partner party, once per naming; changing the partner clears the confirmation; confirming and
withdrawing re-queue the activity's check, so its findings change at once.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import BigIntegerField, Case, CharField, F, When
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from agreement.selectors import party_staff_by_party
from portal import notifications, permissions
from portal.dashboard_cache import dashboard_changed
from portal.public_cache import public_changed
from portal.queue import enqueue_on_commit

from ..models import Activity, Visibility

KIND = "activity_partner"
CONFIRMATION_FIELDS = ("partner_confirmed_by", "partner_confirmed_at")


def confirmed_partner(field: str = "partner_id"):
    """The partner as the checks see it (`partner_id` or `partner__slug`): NULL until the partner party confirmed it."""
    output = CharField() if field.endswith("slug") else BigIntegerField()
    return Case(When(partner_confirmed_at__isnull=False, then=F(field)), default=None, output_field=output)


def is_confirmed(activity: Activity) -> bool:
    return bool(activity.partner_id and activity.partner_confirmed_at)


# --- naming and changing the partner (called by the plan services) -------------------------------


def clear_if_partner_changed(activity: Activity, old_partner_id: int | None) -> list[str]:
    """A changed (or removed) partner has not confirmed anything: clear the confirmation.

    Returns the fields to save with the activity (none when the partner stayed the same, so a
    confirmation given meanwhile is kept by an edit of other fields).
    """
    if activity.partner_id == old_partner_id:
        return []
    activity.partner_confirmed_by = None
    activity.partner_confirmed_at = None
    return list(CONFIRMATION_FIELDS)


def _url(activity: Activity) -> str:
    plan = activity.plan
    return reverse("activities:activity", args=[plan.organisation.slug, plan.year, activity.pk])


def _tell(activity: Activity, *, recipients_of: str, event: str, key: str, who=None) -> None:
    notifications.notify(
        recipients=party_staff_by_party().get(recipients_of, []),
        kind=KIND,
        key=key,
        template="activity-partner",
        context={
            "event": event, "title": activity.title, "lead": activity.plan.organisation.short_name,
            "partner": activity.partner.short_name if activity.partner_id else "",
            "start": activity.start, "end": activity.end, "who": who,
        },
        url=_url(activity),
    )


def partner_named(activities) -> None:
    """Tell the partner party of each activity that names it: once per naming (the activity's version when named)."""
    for activity in activities:
        if activity.partner_id and not activity.partner_confirmed_at:
            _tell(
                activity, recipients_of=activity.partner.slug, event="named",
                key=f"named:{activity.pk}:{activity.partner_id}:{activity.version}",
            )


# --- the partner party's word ----------------------------------------------------------------------


def _after_change(activity: Activity, user) -> None:
    """Record the word in the activity's history (who, when), re-queue its check, refresh what shows it."""
    from ..tasks import check_activity_task

    activity.refresh_from_db()
    activity._history_user = user
    activity.save(update_fields=list(CONFIRMATION_FIELDS))  # the values just written: a history record, nothing else

    enqueue_on_commit(check_activity_task, activity.pk)
    dashboard_changed()
    if activity.visibility != Visibility.INTERNAL:
        public_changed()  # the members pages list a co-organiser only once confirmed


def _refuse_unless(allowed: bool, activity: Activity, message: str) -> None:
    if not allowed:
        if not activity.partner_id:
            raise PermissionDenied(_("This activity names no partner party."))
        raise PermissionDenied(message % {"partner": activity.partner.short_name})


def partner_confirm(*, user, activity: Activity) -> Activity:
    """The partner party confirms the joint activity; its checks run again at once (now as a joint activity).

    The update is conditional on the partner the user saw and on no confirmation yet, so a double
    click, or a partner changed meanwhile by the lead party, confirms nothing twice or wrongly.
    """
    _refuse_unless(
        permissions.may_confirm_partner(user, activity), activity,
        _("Only %(partner)s's director or secretariat can confirm this joint activity."),
    )
    now = timezone.now()
    if not Activity.objects.filter(pk=activity.pk, partner_id=activity.partner_id, partner_confirmed_at__isnull=True).update(
        partner_confirmed_by=user, partner_confirmed_at=now, needs_check=True, check_requested_at=now,
    ):
        raise ValidationError(_("The partner has already been confirmed, or the activity has changed meanwhile."))
    _after_change(activity, user)
    _tell(
        activity, recipients_of=activity.plan.organisation.slug, event="confirmed",
        key=f"confirmed:{activity.pk}:{activity.partner_id}:{now.isoformat()}", who=user,
    )
    return activity


def partner_withdraw(*, user, activity: Activity) -> Activity:
    """The partner party withdraws its confirmation; the checks run again as for any activity."""
    _refuse_unless(
        permissions.may_withdraw_partner_confirmation(user, activity), activity,
        _("Only %(partner)s's director or secretariat can withdraw the confirmation of this joint activity."),
    )
    now = timezone.now()
    if not Activity.objects.filter(pk=activity.pk, partner_id=activity.partner_id, partner_confirmed_at__isnull=False).update(
        partner_confirmed_by=None, partner_confirmed_at=None, needs_check=True, check_requested_at=now,
    ):
        raise ValidationError(_("The partner's confirmation has already been withdrawn, or the activity has changed meanwhile."))
    _after_change(activity, user)
    _tell(
        activity, recipients_of=activity.plan.organisation.slug, event="withdrawn",
        key=f"withdrawn:{activity.pk}:{activity.partner_id}:{now.isoformat()}", who=user,
    )
    return activity

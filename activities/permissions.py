"""Who may see and change plans and findings (§4), registered with portal.permissions (asked as `permissions.<name>`)."""

from portal.permissions import is_administrator, is_member, is_party_staff, is_secretariat, staff_organisations
from portal.registry import register_rule

from .models import Activity, ActivityStatus, Finding, Plan, PlanStatus, Visibility


@register_rule
def may_use_activities(user) -> bool:
    """Plans and findings are the parties' working material: their secretariats, directors and administrators."""
    return is_party_staff(user) or is_administrator(user)


@register_rule
def visible_plans(user, queryset=None):
    """The plans `user` may see: every party's plan for party staff and administrators, none for anyone else."""
    queryset = Plan.objects.all() if queryset is None else queryset
    return queryset if may_use_activities(user) else queryset.none()


@register_rule
def visible_findings(user, queryset=None):
    queryset = Finding.objects.all() if queryset is None else queryset
    return queryset if may_use_activities(user) else queryset.none()


@register_rule
def may_edit_plan(user, plan) -> bool:
    """A plan and its activities are written by its own party's secretariat only."""
    return is_secretariat(user, plan.organisation_id)


@register_rule
def may_create_plan(user, organisation) -> bool:
    return is_secretariat(user, organisation)


@register_rule
def may_submit_plan(user, plan) -> bool:
    return may_edit_plan(user, plan) and plan.status == PlanStatus.DRAFT


# Coordinating a plan and answering a finding are the two parties' words: coordination/permissions.py
# (may_coordinate_plan, may_acknowledge_finding, may_dismiss_finding, may_propose_finding).


# --- what the members pages show (§1 P1) ---------------------------------------------------------
# Anonymous visitors see `public`; members (and the parties' staff, who see what their members see)
# see `members` and `public`. An activity shows only once its plan is no longer a draft, and never
# while cancelled unless it had been published (it then shows as cancelled).


@register_rule
def member_visibilities(user) -> list[str]:
    """The visibility levels `user` sees on the members pages."""
    if getattr(user, "is_authenticated", False) and user.is_active and (
        is_member(user) or is_party_staff(user) or is_administrator(user)
    ):
        return [Visibility.MEMBERS, Visibility.PUBLIC]
    return [Visibility.PUBLIC]


@register_rule
def visible_member_activities(user, queryset=None):
    """Activities shown on the members pages to `user` (the list, calendar, feeds, sitemap, newsletter)."""
    queryset = Activity.objects.all() if queryset is None else queryset
    return queryset.filter(
        plan__status__in=[PlanStatus.SUBMITTED, PlanStatus.COORDINATED], visibility__in=member_visibilities(user)
    ).exclude(status=ActivityStatus.CANCELLED, published_at__isnull=True)


# --- i11d: joint activities are confirmed by the partner party (§4 "løst i fællesskab") ----------
# A partner named on an activity counts only once someone of the partner party confirms it. Its
# word is the partner party's own: its director or secretariat. Not the lead party (one party
# cannot speak for the other), and not an administrator, who has no party (an administrator who
# also holds a staff role of the partner party speaks as that role).


def _speaks_for_partner(user, activity) -> bool:
    if not activity.partner_id or activity.partner_id == activity.plan.organisation_id:
        return False
    staff = staff_organisations(user)
    return activity.partner_id in staff and activity.plan.organisation_id not in staff


@register_rule
def may_confirm_partner(user, activity) -> bool:
    """The partner party's director or secretariat confirms that it takes part in the joint activity."""
    return _speaks_for_partner(user, activity)


@register_rule
def may_withdraw_partner_confirmation(user, activity) -> bool:
    """The partner party's director or secretariat withdraws its confirmation again."""
    return _speaks_for_partner(user, activity)

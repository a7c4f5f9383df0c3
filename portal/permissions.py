"""The one place that answers "may this user see or do X?".

Views, selectors, services, the admin and tasks all ask these functions; nothing else decides.
Roles come from `portal.Role`; object-level grants (e.g. a board seat's access to its board's
meetings) are django-guardian object permissions, checked here too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .models import RoleKind

if TYPE_CHECKING:
    from agreement.models import Organisation


def _roles(user) -> set[tuple[str, int | None]]:
    """(kind, organisation id) pairs of the user's roles, cached on the user object for the request."""
    if not getattr(user, "is_authenticated", False):
        return set()
    cached = getattr(user, "_portal_roles", None)
    if cached is None:
        cached = set(user.roles.values_list("kind", "organisation_id"))
        user._portal_roles = cached
    return cached


def forget_roles(user) -> None:
    """Drop the cached roles (after a role was granted or revoked in the same request)."""
    user.__dict__.pop("_portal_roles", None)


def is_administrator(user) -> bool:
    return bool(getattr(user, "is_superuser", False)) or any(k == RoleKind.ADMINISTRATOR for k, _ in _roles(user))


def has_role(user, kind: str, organisation: Organisation | int | None = None) -> bool:
    """Whether the user holds role `kind`, for `organisation` if given (an object or its id)."""
    org_id = getattr(organisation, "pk", organisation)
    return any(k == kind and (org_id is None or o == org_id) for k, o in _roles(user))


def organisations_with_role(user, kind: str) -> set[int]:
    return {o for k, o in _roles(user) if k == kind and o is not None}


def role_kinds(user) -> set[str]:
    kinds = {k for k, _ in _roles(user)}
    if getattr(user, "is_superuser", False):
        kinds.add(RoleKind.ADMINISTRATOR)
    return kinds


def is_director(user, organisation=None) -> bool:
    return has_role(user, RoleKind.DIRECTOR, organisation)


def is_secretariat(user, organisation=None) -> bool:
    return has_role(user, RoleKind.SECRETARIAT, organisation)


def is_staff_of(user, organisation) -> bool:
    """Secretariat or director of `organisation`: the people who run that party's side."""
    return is_secretariat(user, organisation) or is_director(user, organisation)


def is_party_staff(user) -> bool:
    """Secretariat or director of either party."""
    return bool(organisations_with_role(user, RoleKind.SECRETARIAT) | organisations_with_role(user, RoleKind.DIRECTOR))


# --- agreement --------------------------------------------------------------------------------


def may_view_agreement(user) -> bool:
    """Every logged-in user may read the agreement, the matrix and the lookup."""
    return bool(getattr(user, "is_authenticated", False))


def may_give_notice(user, party: Organisation) -> bool:
    """Notice of termination (§6) is given, and withdrawn, by that party's director."""
    return is_director(user, party) or is_administrator(user)


def may_record_notice_for_any(user) -> bool:
    return is_administrator(user) or bool(organisations_with_role(user, RoleKind.DIRECTOR))


# --- activities (§4 plans, the plan checks) ------------------------------------------------------


def may_use_activities(user) -> bool:
    """Plans and findings are the parties' working material: their secretariats, directors and administrators."""
    return is_party_staff(user) or is_administrator(user)


def visible_plans(user, queryset=None):
    """The plans `user` may see: every party's plan for party staff and administrators, none for anyone else."""
    from activities.models import Plan

    queryset = Plan.objects.all() if queryset is None else queryset
    return queryset if may_use_activities(user) else queryset.none()


def visible_findings(user, queryset=None):
    from activities.models import Finding

    queryset = Finding.objects.all() if queryset is None else queryset
    return queryset if may_use_activities(user) else queryset.none()


def may_view_plan(user, plan) -> bool:
    """Both parties see both plans (§1: all relevant information); the other party's is read-only."""
    return may_use_activities(user)


def may_edit_plan(user, plan) -> bool:
    """A plan and its activities are written by its own party's secretariat only."""
    return is_secretariat(user, plan.organisation_id)


def may_create_plan(user, organisation) -> bool:
    return is_secretariat(user, organisation)


def may_submit_plan(user, plan) -> bool:
    return may_edit_plan(user, plan) and plan.status == "draft"


def may_coordinate_plan(user, plan) -> bool:
    """The directors mark a submitted plan coordinated (§5: the directors' coordination)."""
    return plan.status == "submitted" and bool(organisations_with_role(user, RoleKind.DIRECTOR))


def finding_parties(finding) -> set[int]:
    """Organisation ids of the parties owning the finding's activities (activities prefetched with their plans)."""
    return {a.plan.organisation_id for a in finding.activities.all()}


def may_acknowledge_finding(user, finding) -> bool:
    """Staff of a concerned party acknowledge a finding; an activity of common interest is acknowledged by the other party."""
    if finding.status != "open":
        return False
    owners = finding_parties(finding)
    staff = organisations_with_role(user, RoleKind.SECRETARIAT) | organisations_with_role(user, RoleKind.DIRECTOR)
    if finding.kind == "common_interest":
        return bool(staff - owners)
    return bool(staff)


def may_dismiss_finding(user, finding) -> bool:
    """A director (or an administrator) may dismiss a finding that does not hold, with a reason."""
    return finding.status in ("open", "acknowledged") and (
        bool(organisations_with_role(user, RoleKind.DIRECTOR)) or is_administrator(user)
    )

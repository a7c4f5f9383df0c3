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


# --- contacts (§5 C-MONTHLY) ------------------------------------------------------------------


def may_view_contacts(user) -> bool:
    """Both parties' directors and secretariats (and administrators) see every director contact; board members and observers do not."""
    return is_party_staff(user) or is_administrator(user)


def may_log_contact(user) -> bool:
    """Either director or a secretariat member logs a contact (§5), for both parties to see."""
    return is_party_staff(user) or is_administrator(user)


def may_edit_contact(user, contact) -> bool:
    """A contact is the two parties' shared record: whoever may log one may correct it (the history keeps every change)."""
    return may_log_contact(user)


def may_update_action_item(user, item) -> bool:
    """The owner marks an action item done, and so may anyone who may edit its contact."""
    return getattr(user, "pk", None) == item.owner_id or may_edit_contact(user, item.contact)

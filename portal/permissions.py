"""The one place that answers "may this user see or do X?".

Views, selectors, services, the admin and tasks all ask `portal.permissions`; nothing else decides.
This module holds the roles (from `portal.Role`) and the rules that need nothing but roles. A rule
about an app's objects (plans, boards, contacts, notices) is written in that app's
`permissions.py`, where its models and their TextChoices are, and registered with
`portal.registry.register_rule`; it is then asked here like any other, as
`permissions.visible_meetings(user)`, so the ground floor imports no app.
"""

from django.core.cache import cache

from .models import PARTY_STAFF_ROLES, RoleKind
from .registry import registry


ROLES_CACHE_SECONDS = 5 * 60


def _roles_key(user_id: int) -> str:
    return f"portal:roles:{user_id}"


def _role_rows(user) -> list[tuple[str, int | None, str | None]]:
    """(kind, organisation id, organisation short name) of the user's roles: one query, then cached.

    Cached on the user object for the request and in the cache across requests; `forget_roles`
    (called by every service that grants or revokes a role) drops both.
    """
    rows = getattr(user, "_portal_role_rows", None)
    if rows is None:
        rows = cache.get(_roles_key(user.pk))
        if rows is None:
            rows = list(user.roles.order_by("kind").values_list("kind", "organisation_id", "organisation__short_name"))
            cache.set(_roles_key(user.pk), rows, ROLES_CACHE_SECONDS)
        user._portal_role_rows = rows
    return rows


def _roles(user) -> set[tuple[str, int | None]]:
    """(kind, organisation id) pairs of the user's roles."""
    if not getattr(user, "is_authenticated", False):
        return set()
    return {(kind, org) for kind, org, _name in _role_rows(user)}


def role_labels(user) -> list[str]:
    """The user's roles as people read them: "Direktør (CenSec)"."""
    if not getattr(user, "is_authenticated", False):
        return []
    return [f"{RoleKind(kind).label} ({name})" if name else str(RoleKind(kind).label) for kind, _org, name in _role_rows(user)]


def forget_roles(user) -> None:
    """Drop the cached roles after a role was granted or revoked."""
    user.__dict__.pop("_portal_role_rows", None)
    cache.delete(_roles_key(user.pk))


def is_administrator(user) -> bool:
    return bool(getattr(user, "is_superuser", False)) or any(k == RoleKind.ADMINISTRATOR for k, _ in _roles(user))


def has_role(user, kind: str, organisation=None) -> bool:
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


def staff_organisations(user) -> set[int]:
    """Ids of the organisations for which the user is a director or on the secretariat."""
    return set().union(*(organisations_with_role(user, kind) for kind in PARTY_STAFF_ROLES))


def is_party_staff(user) -> bool:
    """Secretariat or director of either party."""
    return bool(staff_organisations(user))


# --- accounts ---------------------------------------------------------------------------------

# Roles that reach board materials (members, observers, and the secretariats that manage them).
MATERIAL_ROLES = {RoleKind.BOARD_MEMBER, RoleKind.OBSERVER, RoleKind.SECRETARIAT}


def needs_mfa(user) -> bool:
    """Two-factor login is required (when PORTAL_REQUIRE_MFA is on) for administrators and everyone who can see board materials."""
    return is_administrator(user) or bool(role_kinds(user) & MATERIAL_ROLES)


def __getattr__(name: str):
    """A rule an app registered (PEP 562): `permissions.may_edit_plan` is activities' rule."""
    try:
        return registry.permission_rules[name]
    except KeyError:
        raise AttributeError(
            f"portal.permissions has no rule {name!r}: an app registers its rules in its permissions.py"
        ) from None


# --- members (§1 P1): who is kept to the members pages ------------------------------------------
# A user whose only role is `member` (a member company's person) reaches nothing of the staff
# portal: the middleware and the navigation ask `may_open_staff_path`. What members see on the
# members pages is decided by the rules activities and members register (`member_visibilities`,
# `visible_member_activities`, `visible_services`).


def is_member(user) -> bool:
    return bool(organisations_with_role(user, RoleKind.MEMBER))


def is_member_only(user) -> bool:
    """A member company's person and nothing else: kept to the members pages."""
    return getattr(user, "is_authenticated", False) and not user.is_superuser and role_kinds(user) == {RoleKind.MEMBER}


# What a member-only user may open besides the members pages: their own account, and the public
# addresses everyone may open.
MEMBER_ALLOWED_PREFIXES = (
    "/members/", "/accounts/", "/i18n/", "/static/", "/healthz", "/readyz", "/calendar/", "/sitemap.xml", "/robots.txt",
)


def may_open_staff_path(user, path: str) -> bool:
    """Whether `user` may open `path` at all: a member-only user is kept to the members pages and their account."""
    return not is_member_only(user) or path.startswith(MEMBER_ALLOWED_PREFIXES)

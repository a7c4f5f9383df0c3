"""Reads for the portal app: where a user lands, and what the dashboard shows (foundation part)."""

from django.urls import NoReverseMatch, reverse

from . import permissions
from .models import RoleKind


def landing_url(user) -> str:
    """Where a user lands after login: observers and board members go to their meetings when that page exists."""
    kinds = permissions.role_kinds(user)
    if kinds and kinds <= {RoleKind.OBSERVER, RoleKind.BOARD_MEMBER}:
        try:
            return reverse("governance:meetings")
        except NoReverseMatch:
            pass
    return reverse("dashboard")


def roles_of(user) -> list[str]:
    """The user's roles as badges show them ("Direktør (CenSec)"), from the cached role rows."""
    return permissions.role_labels(user)


def users_with_role(kind: str, organisation=None):
    """Active users holding role `kind` (for `organisation`, if given): e.g. both parties' directors."""
    from django.contrib.auth import get_user_model

    qs = get_user_model().objects.filter(is_active=True, roles__kind=kind)
    if organisation is not None:
        qs = qs.filter(roles__organisation=organisation)
    return qs.distinct()

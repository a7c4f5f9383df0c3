"""Reads for the portal app: where a user lands, and what the dashboard shows (foundation part)."""

from django.urls import NoReverseMatch, reverse

from . import permissions
from .models import RoleKind


def landing_url(user) -> str:
    """Where a user lands after login: observers and board members go to their meetings when that page exists."""
    kinds = permissions.role_kinds(user)
    if permissions.is_member_only(user):
        return "/members/"
    if kinds and kinds <= {RoleKind.OBSERVER, RoleKind.BOARD_MEMBER}:
        try:
            return reverse("governance:meetings")
        except NoReverseMatch:
            pass
    return reverse("dashboard")


def roles_of(user) -> list[str]:
    """The user's roles as badges show them ("Direktør (CenSec)"), from the cached role rows."""
    return permissions.role_labels(user)


PARTY_STAFF_ROLES = (RoleKind.DIRECTOR, RoleKind.SECRETARIAT)


def party_staff(*kinds: str):
    """Active users holding one of `kinds` (default: director, secretariat) for a party to the agreement.

    Who is told of notices, missed months and findings, and who can take part in a director contact.
    """
    from django.contrib.auth import get_user_model

    from agreement.models import Organisation

    return (
        get_user_model()
        .objects.filter(
            is_active=True,
            roles__kind__in=kinds or PARTY_STAFF_ROLES,
            roles__organisation__kind=Organisation.Kind.PARTY,
        )
        .distinct()
    )

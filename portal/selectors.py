"""Reads for the portal app: where a user lands, and the roles as badges show them."""

from django.urls import reverse

from . import permissions
from .registry import registry


def landing_url(*, user) -> str:
    """Where a user lands after login: the page an app registered for their roles (observers and
    board members: their meetings), else the dashboard."""
    kinds = permissions.role_kinds(user)
    for page in registry.landing_pages:
        if kinds and kinds <= page.roles:
            return reverse(page.url_name)
    return reverse("dashboard")


def roles_of(*, user) -> list[str]:
    """The user's roles as badges show them ("Direktør (CenSec)"), from the cached role rows."""
    return permissions.role_labels(user)

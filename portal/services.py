"""Writes for the portal app: granting and revoking roles."""

from django.core.exceptions import ValidationError

from . import permissions
from .models import Role, RoleKind


def role_grant(*, user, kind: str, organisation=None) -> Role:
    role = Role(user=user, kind=kind, organisation=organisation)
    role.full_clean(validate_unique=False, validate_constraints=False)
    if not role.organisation_id and kind != RoleKind.ADMINISTRATOR:
        raise ValidationError({"organisation": "This role needs an organisation."})
    role, _created = Role.objects.get_or_create(user=user, kind=kind, organisation=organisation)
    if kind == RoleKind.ADMINISTRATOR and not (user.is_staff and user.is_superuser):
        # An administrator is the Django superuser of the portal: the admin shows them every model.
        user.is_staff = user.is_superuser = True
        user.save(update_fields=["is_staff", "is_superuser"])
    permissions.forget_roles(user)
    return role


def role_revoke(*, user, kind: str, organisation=None) -> int:
    deleted, _ = Role.objects.filter(user=user, kind=kind, organisation=organisation).delete()
    permissions.forget_roles(user)
    return deleted

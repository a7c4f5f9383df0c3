"""Writes for the members app: the services catalogue, member accounts and their set-password email."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from portal import permissions
from portal.public_cache import public_changed

from .models import Service

SERVICE_FIELDS = ["name", "description", "for_whom", "contact_name", "contact_email", "matrix_row", "visibility"]


def service_create(*, user, organisation, **fields) -> Service:
    """Add a service to a party's catalogue; only that party's secretariat may."""
    if not permissions.may_manage_members(user, organisation):
        raise PermissionDenied(_("Only the party's secretariat keeps its catalogue of services."))
    service = Service(organisation=organisation, **fields)
    service.full_clean()
    service._history_user = user
    service.save()
    public_changed()
    return service


def service_update(*, user, service: Service, **fields) -> Service:
    if not permissions.may_manage_members(user, service.organisation_id):
        raise PermissionDenied(_("Only the party's secretariat keeps its catalogue of services."))
    for name, value in fields.items():
        setattr(service, name, value)
    service.full_clean()
    service._history_user = user
    service.save()
    public_changed()
    return service


def service_delete(*, user, service: Service) -> None:
    if not permissions.may_manage_members(user, service.organisation_id):
        raise PermissionDenied(_("Only the party's secretariat keeps its catalogue of services."))
    service._history_user = user
    service.delete()
    public_changed()

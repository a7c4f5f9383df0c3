"""Who keeps and who sees the services catalogues and member accounts (§1 P1), registered with portal.permissions."""

from portal.models import RoleKind
from portal import permissions
from portal.permissions import is_administrator, is_secretariat, organisations_with_role
from portal.registry import register_rule

from .models import Service


@register_rule
def may_manage_members(user, organisation=None) -> bool:
    """Member accounts, the services catalogue and the newsletter export: a party's secretariat (and administrators)."""
    return is_secretariat(user, organisation) or is_administrator(user)


@register_rule
def visible_services(user, queryset=None):
    """Services shown on the members pages to `user`."""
    queryset = Service.objects.all() if queryset is None else queryset
    return queryset.filter(visibility__in=permissions.member_visibilities(user))


@register_rule
def managed_services(user):
    """Services a user keeps: their own party's catalogue (administrators: both)."""
    if is_administrator(user):
        return Service.objects.all()
    return Service.objects.filter(organisation__in=organisations_with_role(user, RoleKind.SECRETARIAT))

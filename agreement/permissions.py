"""The agreement's permission rules, registered with portal.permissions (asked as `permissions.<name>`)."""

from portal.permissions import is_administrator, is_director
from portal.registry import register_rule

from .models import Organisation


@register_rule
def may_give_notice(user, party: Organisation) -> bool:
    """Notice of termination (§6) is given, and withdrawn, by that party's director."""
    return is_director(user, party) or is_administrator(user)

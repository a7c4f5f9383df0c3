"""Who may see and log director contacts (§5 C-MONTHLY), registered with portal.permissions (asked as `permissions.<name>`)."""

from governance.selectors import board_chairs
from portal.permissions import is_administrator, is_party_staff
from portal.registry import register_rule


@register_rule
def may_view_contacts(user) -> bool:
    """Both parties' directors and secretariats (and administrators) see every director contact; board members and observers do not."""
    return is_party_staff(user) or is_administrator(user)


@register_rule
def may_log_contact(user) -> bool:
    """Either director or a secretariat member logs a contact (§5), for both parties to see."""
    return is_party_staff(user) or is_administrator(user)


@register_rule
def may_edit_contact(user, contact) -> bool:
    """A contact is the two parties' shared record: whoever may log one may correct it (the history keeps every change)."""
    return may_log_contact(user)


@register_rule
def may_update_action_item(user, item) -> bool:
    """The owner marks an action item done, and so may anyone who may edit its contact."""
    return getattr(user, "pk", None) == item.owner_id or may_edit_contact(user, item.contact)


@register_rule
def may_view_month_records(user) -> bool:
    """The month-by-month record of C-MONTHLY (§5): party staff and administrators, and the boards' chairs, to whom
    a second month in a row without contact is escalated. The record shows months only, no contact's content."""
    if may_view_contacts(user):
        return True
    return getattr(user, "is_authenticated", False) and any(chair.pk == user.pk for chair in board_chairs())

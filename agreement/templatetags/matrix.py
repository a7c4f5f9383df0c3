from django import template
from django.utils.translation import gettext_lazy as _

from agreement.models import Duty, Lead

register = template.Library()

CELL_LABELS = {
    "lead": _("Leads"),
    Lead.BOTH: _("Both hold seats"),
    Lead.JOINT: _("Joint"),
    Lead.EACH: _("Each for its own members"),
    **{value: label for value, label in Duty.choices if value != Duty.NONE},
    Duty.NONE: "—",
}


@register.filter
def cell(cells: dict, column: str) -> str:
    return cells.get(column, "")


@register.filter
def cell_label(value: str) -> str:
    return CELL_LABELS.get(value, "") if value else ""


@register.filter
def cell_class(value: str) -> str:
    if value == "lead":
        return "cell-lead"
    if value in (Lead.BOTH, Lead.JOINT, Lead.EACH):
        return "cell-shared"
    return "cell-duty" if value and value != Duty.NONE else ""

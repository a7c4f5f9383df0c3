"""What the activities app adds to the ground floor: permission rules, navigation, dashboard cards."""

from django.utils.translation import gettext_lazy as _

from portal.registry import DashboardCard, NavItem, register_dashboard_card, register_nav

from . import permissions
from .models import FindingKind
from .selectors import dashboard_findings, dashboard_plans

# The dashboard's heading for each kind of finding (the kinds themselves are FindingKind's).
FINDING_HEADINGS = {
    FindingKind.OVERLAP: _("Overlapping activities"),
    FindingKind.RESPONSIBILITY: _("Against the responsibility matrix"),
    FindingKind.SINGLE_TRACK: _("Single-track breaches"),
    FindingKind.COMMON_INTEREST: _("Common interest: inform the other party"),
    FindingKind.INFORM: _("To inform or involve the other party (Appendix 1)"),
}


def dashboard_findings_card(*, user, today, now) -> list[dict]:
    """The open findings by kind, labelled, for the dashboard's links to the findings page."""
    counts = dashboard_findings(user=user)
    return [
        {"kind": kind.value, "label": FINDING_HEADINGS.get(kind, kind.label), "count": counts.get(kind.value, 0)}
        for kind in FindingKind
    ]


def dashboard_plans_card(*, user, today, now) -> list[dict]:
    return dashboard_plans(user=user, years=[today.year, today.year + 1])


register_nav(
    NavItem(_("Activity plans"), "activities:index", permissions.may_use_activities, order=20),
    NavItem(_("Findings"), "activities:findings", permissions.may_use_activities, order=21),
)
register_dashboard_card(DashboardCard("findings", dashboard_findings_card, order=40))
register_dashboard_card(DashboardCard("plans", dashboard_plans_card, order=50))

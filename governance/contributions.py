"""What the governance app adds to the ground floor: permission rules, navigation, landing page, dashboard cards."""

from django.utils.translation import gettext_lazy as _

from portal.models import RoleKind
from portal.navigation import everyone
from portal.registry import (
    DashboardCard,
    LandingPage,
    NavItem,
    register_audit_source,
    register_dashboard_card,
    register_landing_page,
    register_nav,
)

from . import permissions  # noqa: F401  (registers the §3 G2 access rules)
from .selectors import dashboard_board_rules, dashboard_upcoming_meetings, download_log


def dashboard_board_rules_card(*, user, today, now) -> dict:
    return dashboard_board_rules()


def dashboard_board_meetings_card(*, user, today, now) -> list:
    return dashboard_upcoming_meetings(user=user, limit=5)


register_nav(
    NavItem(_("Boards"), "governance:boards", everyone, order=30),
    NavItem(_("Meetings"), "governance:meetings", everyone, order=31),
)
# Board members and observers have nothing on the dashboard but their meetings.
register_landing_page(LandingPage(frozenset({RoleKind.OBSERVER, RoleKind.BOARD_MEMBER}), "governance:meetings"))
register_dashboard_card(DashboardCard("board_rules", dashboard_board_rules_card, order=60))
register_dashboard_card(DashboardCard("board_meetings", dashboard_board_meetings_card, order=30))
register_audit_source("downloads", download_log)

# i12c: the board pack's messages (materials published, new versions), one email per person per publishing.
from portal.notifications import register_kind  # noqa: E402

register_kind("board_pack", label=_("Board pack: materials published or changed (§3)"))

"""What the members app adds to the ground floor: permission rules, its navigation entry, members' landing page."""

from django.utils.translation import gettext_lazy as _

from portal.models import RoleKind
from portal.navigation import everyone
from portal.registry import LandingPage, NavItem, register_landing_page, register_nav

from . import permissions  # noqa: F401  (registers the rules)

register_nav(NavItem(_("For members"), "members:index", everyone, order=90))
# A member company's person lands on the members pages, never on the staff dashboard.
register_landing_page(LandingPage(frozenset({RoleKind.MEMBER}), "members:index"))

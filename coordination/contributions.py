"""What the coordination app adds to the ground floor: its permission rules and its navigation entries.

Its own dashboard sections (this month's contact, action items, director meetings) are computed
by coordination.dashboard itself; the other apps' cards come through portal.registry.
"""

from django.utils.translation import gettext_lazy as _

from portal.navigation import everyone
from portal.registry import NavItem, register_nav

from . import permissions

register_nav(
    NavItem(_("Dashboard"), "dashboard", everyone, order=0),
    NavItem(_("Director contacts"), "coordination:contacts", permissions.may_view_contacts, order=40),
)

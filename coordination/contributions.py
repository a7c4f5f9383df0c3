"""What the coordination app adds to the ground floor: its permission rules, navigation entries and parts of activities' pages.

Its own dashboard sections (this month's contact, action items, director meetings) are computed
by coordination.dashboard itself; the other apps' cards come through portal.registry.
"""

from django.utils.translation import gettext_lazy as _

from portal.navigation import everyone
from portal.registry import NavItem, PageExtension, register_nav, register_page_extension

from . import permissions, selectors_twoparty

register_nav(
    NavItem(_("Dashboard"), "dashboard", everyone, order=0),
    NavItem(_("Director contacts"), "coordination:contacts", permissions.may_view_contacts, order=40),
)

# The parties' words on the activities pages (§4): approvals on the plan page, words on each finding.
register_page_extension(PageExtension(
    "plan", "approvals", selectors_twoparty.plan_coordination, "coordination/includes/plan_approvals.html", order=10,
))
register_page_extension(PageExtension(
    "finding", "words", selectors_twoparty.finding_words, "coordination/includes/finding_words.html", order=10,
    csv_column="words",
))

"""The main navigation, by role. An entry whose page does not exist (yet) is left out."""

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from . import permissions


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    visible: object  # callable(user) -> bool


def _everyone(user):
    return True


NAV = [
    NavItem(_("Dashboard"), "dashboard", _everyone),
    NavItem(_("Agreement"), "agreement:detail", _everyone),
    NavItem(_("Matrix"), "agreement:matrix", _everyone),
    NavItem(_("Who owns this?"), "agreement:lookup", _everyone),
    NavItem(_("Activity plans"), "activities:index", permissions.may_use_activities),
    NavItem(_("Findings"), "activities:findings", permissions.may_use_activities),
    NavItem(_("Boards"), "governance:boards", _everyone),
    NavItem(_("Meetings"), "governance:meetings", _everyone),
    NavItem(_("Director contacts"), "governance:contacts", permissions.may_view_contacts),
    NavItem(_("For members"), "members:index", _everyone),
]


def nav_for(user, current_path: str) -> list[dict]:
    items = []
    for item in NAV:
        if not item.visible(user):
            continue
        try:
            url = reverse(item.url_name)
        except NoReverseMatch:
            continue
        if not permissions.may_open_staff_path(user, url):
            continue
        active = current_path == url if url == "/" else current_path.startswith(url)
        items.append({"label": item.label, "url": url, "active": active})
    return items

"""What the agreement app adds to the ground floor: its permission rules and its navigation entries."""

from django.utils.translation import gettext_lazy as _

from portal.navigation import everyone
from portal.registry import NavItem, register_nav

from . import permissions  # noqa: F401  (registers may_give_notice)

register_nav(
    NavItem(_("Agreement"), "agreement:detail", everyone, order=10),
    NavItem(_("Matrix"), "agreement:matrix", everyone, order=11),
    NavItem(_("Who owns this?"), "agreement:lookup", everyone, order=12),
)

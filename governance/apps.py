from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GovernanceConfig(AppConfig):
    name = "governance"
    verbose_name = _("Governance")

    def ready(self):
        from . import contributions  # noqa: F401  (registers permission rules, navigation, dashboard cards)
        from portal.notifications import register_kind

        register_kind("board_rule_broken", label=_("§3 G1 or G2 stopped holding for a board"))
        register_kind("meeting_invitation", label=_("Meeting invitations, changes and cancellations (§3.2)"))

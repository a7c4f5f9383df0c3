from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GovernanceConfig(AppConfig):
    name = "governance"
    verbose_name = _("Governance")

    def ready(self):
        from portal.notifications import register_kind

        register_kind("contact_month", label=_("Monthly director contact: reminders and missed months (§5)"))
        register_kind("action_item", label=_("Action items from director contacts (§5)"))

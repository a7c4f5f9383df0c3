from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoordinationConfig(AppConfig):
    """§4–§5 between the directors: director contacts, action items, the monthly rule, the dashboard."""

    name = "coordination"
    verbose_name = _("Coordination")

    def ready(self):
        from . import contributions  # noqa: F401  (registers permission rules, navigation, dashboard)
        from portal.notifications import register_kind

        register_kind("contact_month", label=_("Monthly director contact: reminders and escalations (§5)"))
        register_kind("action_item", label=_("Action items from director contacts (§5)"))

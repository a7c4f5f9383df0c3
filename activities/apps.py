from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActivitiesConfig(AppConfig):
    name = "activities"
    verbose_name = _("Activities")

    def ready(self):
        from . import contributions  # noqa: F401  (registers permission rules, navigation, dashboard cards)
        from portal.models import Delivery
        from portal.notifications import register_kind

        # A full sweep may find hundreds at once: by default they come in the daily digest.
        register_kind("activity_finding", label=_("Findings of the plan checks (§4)"), default=Delivery.DIGEST)
        # i11d: a joint activity names the partner party, which confirms it; the lead party hears the answer.
        register_kind("activity_partner", label=_("Joint activities: named as partner, confirmed, withdrawn (§4)"))
        register_kind("plan_reopened", label=_("A coordinated plan changed and waits for approval again (§4)"))

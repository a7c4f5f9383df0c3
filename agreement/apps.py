from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgreementConfig(AppConfig):
    name = "agreement"
    verbose_name = _("Agreement")

    def ready(self):
        from . import contributions  # noqa: F401  (registers its permission rule and navigation entries)
        from portal.notifications import register_kind

        register_kind("notice_given", label=_("Notice of termination given (§6)"))
        register_kind("notice_withdrawn", label=_("Notice of termination withdrawn (§6)"))

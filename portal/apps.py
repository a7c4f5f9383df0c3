from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    default = True
    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        from django.urls import register_converter

        from .parsing import IdConverter, YearConverter

        # Before any URLconf is loaded: every app's URLs take ids and years through these.
        register_converter(IdConverter, "id")
        register_converter(YearConverter, "year")


class PortalAdminConfig(admin_apps.AdminConfig):
    """Django's admin, on a site that only the portal's administrators may enter."""

    default = False  # "portal" in INSTALLED_APPS means PortalConfig; this one is named in full.
    default_site = "portal.admin_site.PortalAdminSite"

from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    default = True
    name = "portal"
    verbose_name = _("Portal")


class PortalAdminConfig(admin_apps.AdminConfig):
    """Django's admin, on a site that only the portal's administrators may enter."""

    default = False  # "portal" in INSTALLED_APPS means PortalConfig; this one is named in full.
    default_site = "portal.admin_site.PortalAdminSite"

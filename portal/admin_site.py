from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from . import permissions


class PortalAdminSite(admin.AdminSite):
    """The admin is for the portal's administrators only, whatever a user's is_staff flag says."""

    site_header = _("Samarbejdsportalen administration")
    site_title = _("Samarbejdsportalen")

    def has_permission(self, request):
        return request.user.is_active and permissions.is_administrator(request.user)

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import MemberProfile, OrganisationContact, Service


@admin.register(OrganisationContact)
class OrganisationContactAdmin(SimpleHistoryAdmin):
    """The parties' public front doors; plain data with no rule behind it, so edited here."""

    list_display = ["organisation", "email", "phone", "website"]


@admin.register(Service)
class ServiceAdmin(SimpleHistoryAdmin):
    """Read-only: each secretariat keeps its catalogue on /members/manage/services/, through members.services."""

    list_display = ["name", "organisation", "matrix_row", "visibility", "updated_at"]
    list_filter = ["organisation", "visibility"]
    search_fields = ["name", "description"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(MemberProfile)
class MemberProfileAdmin(admin.ModelAdmin):
    """Read-only: member accounts are made by the secretariats (members.services), which also send the set-password email."""

    list_display = ["user", "company", "created_at"]
    search_fields = ["user__email", "company"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

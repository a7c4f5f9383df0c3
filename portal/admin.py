from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from . import permissions
from .models import Notification, NotificationPreference, OutgoingEmail, Role, User


class RoleInline(admin.TabularInline):
    model = Role
    extra = 0


@admin.register(User)
class PortalUserAdmin(UserAdmin):
    inlines = [RoleInline]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        permissions.forget_roles(form.instance)  # roles edited here take effect at once
    list_display = ["username", "first_name", "last_name", "email", "is_active", "is_superuser"]


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["subject", "recipient", "kind", "created_at", "email_status", "read_at"]
    list_filter = ["kind", "email_status"]
    search_fields = ["subject", "recipient__username", "key"]
    readonly_fields = [f.name for f in Notification._meta.fields]


@admin.register(OutgoingEmail)
class OutgoingEmailAdmin(admin.ModelAdmin):
    """What went out by email, bundle by bundle (read-only: the delivery task writes these)."""

    list_display = ["batch", "recipient", "subject", "created_at", "sent_at"]
    search_fields = ["batch", "recipient__username", "subject"]
    readonly_fields = [f.name for f in OutgoingEmail._meta.fields]


@admin.register(NotificationPreference)
class NotificationPreferenceAdmin(admin.ModelAdmin):
    """Each user's email choices, read-only: a user changes them on "Email settings" (the service moves waiting messages)."""

    list_display = ["user", "kind", "delivery"]
    list_filter = ["kind", "delivery"]
    search_fields = ["user__username"]
    readonly_fields = ["user", "kind", "delivery"]

    def has_add_permission(self, request):
        return False

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from portal.dashboard_cache import dashboard_changed

from .models import ActionItem, DirectorContact, MonthRecord


class MarksDashboardStale:
    """The admin bypasses the services, which otherwise tell the dashboard its figures changed."""

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        dashboard_changed()

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        dashboard_changed()


class ActionItemInline(admin.TabularInline):
    model = ActionItem
    extra = 0


@admin.register(DirectorContact)
class DirectorContactAdmin(MarksDashboardStale, SimpleHistoryAdmin):
    list_display = ["occurred_at", "form", "logged_by", "created_at"]
    list_filter = ["form", "task_areas"]
    filter_horizontal = ["participants", "task_areas"]
    date_hierarchy = "occurred_at"
    inlines = [ActionItemInline]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        dashboard_changed()


@admin.register(ActionItem)
class ActionItemAdmin(MarksDashboardStale, SimpleHistoryAdmin):
    list_display = ["text", "owner", "due_on", "done"]
    list_filter = ["done"]


@admin.register(MonthRecord)
class MonthRecordAdmin(admin.ModelAdmin):
    list_display = ["month", "status", "recorded_at"]
    readonly_fields = ["month", "status", "recorded_at"]

    def has_add_permission(self, request):
        return False

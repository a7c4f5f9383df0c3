from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from portal.dashboard_cache import dashboard_changed

from .models import ActionItem, DirectorContact, MonthRecord


class ActionItemInline(admin.TabularInline):
    model = ActionItem
    extra = 0


@admin.register(DirectorContact)
class DirectorContactAdmin(SimpleHistoryAdmin):
    list_display = ["occurred_at", "form", "logged_by", "created_at"]
    list_filter = ["form", "task_areas"]
    filter_horizontal = ["participants", "task_areas"]
    date_hierarchy = "occurred_at"
    inlines = [ActionItemInline]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        dashboard_changed()  # the admin bypasses the services, which otherwise mark the dashboard stale


@admin.register(ActionItem)
class ActionItemAdmin(SimpleHistoryAdmin):
    list_display = ["text", "owner", "due_on", "done"]
    list_filter = ["done"]


@admin.register(MonthRecord)
class MonthRecordAdmin(admin.ModelAdmin):
    list_display = ["month", "status", "recorded_at"]
    readonly_fields = ["month", "status", "recorded_at"]

    def has_add_permission(self, request):
        return False

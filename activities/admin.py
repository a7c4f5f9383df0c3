from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Activity, Finding, Plan


@admin.register(Plan)
class PlanAdmin(SimpleHistoryAdmin):
    list_display = ["organisation", "year", "status"]
    list_filter = ["organisation", "year", "status"]


@admin.register(Activity)
class ActivityAdmin(SimpleHistoryAdmin):
    """Read-only: activities are written through the plan pages, which validate, lock and check them."""

    list_display = ["title", "plan", "task_area", "matrix_row", "start", "end", "status"]
    list_filter = ["plan__organisation", "plan__year", "task_area", "status"]
    search_fields = ["title", "counterparts", "topics"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Finding)
class FindingAdmin(admin.ModelAdmin):
    list_display = ["pk", "kind", "rule", "status", "year", "created_at"]
    list_filter = ["kind", "status", "year"]
    readonly_fields = [f.name for f in Finding._meta.fields]

    def has_add_permission(self, request):
        return False

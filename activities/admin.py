from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Activity, Finding, Plan, ThesaurusEntry
from .services.analysis import thesaurus_changed


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


@admin.register(ThesaurusEntry)
class ThesaurusEntryAdmin(admin.ModelAdmin):
    """The overlap check's thesaurus; a change re-reads every activity and runs the full sweep in the worker."""

    list_display = ["terms", "weak", "updated_at"]
    list_filter = ["weak"]
    search_fields = ["terms"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        thesaurus_changed()

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        thesaurus_changed()

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        thesaurus_changed()

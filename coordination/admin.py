"""Admin of director contacts, action items and month records (§5).

A contact added or corrected here is saved by the same service as the page (services.contact_create
and contact_update), so its month record follows it: a late contact turns a month recorded as
missed into kept, as it does when logged on the page.
"""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from portal.dashboard_cache import dashboard_changed

from . import services
from .forms import action_items_from
from .models import ActionItem, DirectorContact, FindingWord, MonthRecord, PlanApproval

CONTACT_FIELDS = [
    "occurred_at", "form", "participants", "task_areas", "agenda", "activities", "activities_presented", "decisions"
]


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
class DirectorContactAdmin(SimpleHistoryAdmin):
    list_display = ["occurred_at", "form", "logged_by", "created_at"]
    list_filter = ["form", "task_areas"]
    fields = CONTACT_FIELDS
    filter_horizontal = ["participants", "task_areas", "activities"]
    date_hierarchy = "occurred_at"
    inlines = [ActionItemInline]

    def save_model(self, request, obj, form, change):
        """Nothing yet: the contact is saved with its participants, areas and action items in save_related."""

    def save_related(self, request, form, formsets, change):
        fields = {name: form.cleaned_data[name] for name in CONTACT_FIELDS}
        items = [item for formset in formsets for item in action_items_from(formset)]
        if change:
            services.contact_update(user=request.user, contact=form.instance, action_items=items, **fields)
        else:
            services.contact_create(user=request.user, action_items=items, contact=form.instance, **fields)
        for formset in formsets:
            # The change message reads what a formset saved; here the service saved the action items.
            formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
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


# --- The two parties' words (§4): shown, never written here (a word is a party's, given on the pages) --


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(PlanApproval)
class PlanApprovalAdmin(ReadOnlyAdmin):
    list_display = ["plan", "party", "revision", "approved_by", "approved_at"]
    list_filter = ["party"]


@admin.register(FindingWord)
class FindingWordAdmin(ReadOnlyAdmin):
    list_display = ["finding", "party", "action", "outcome", "user", "contact", "created_at"]
    list_filter = ["party", "action", "outcome"]

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Agreement, Clause, MatrixRow, Notice, Organisation, TaskArea


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["short_name", "name", "kind", "parent"]


@admin.register(TaskArea)
class TaskAreaAdmin(admin.ModelAdmin):
    list_display = ["number", "slug", "name_da", "name_en"]


class ClauseInline(admin.StackedInline):
    model = Clause
    extra = 0


@admin.register(Agreement)
class AgreementAdmin(admin.ModelAdmin):
    list_display = ["title_da", "signed_on", "notice_months"]
    inlines = [ClauseInline]


@admin.register(MatrixRow)
class MatrixRowAdmin(admin.ModelAdmin):
    list_display = ["code", "area", "lead", "other_party_duty", "single_track"]
    list_filter = ["area", "lead", "single_track"]
    search_fields = ["code", "responsibility_da", "responsibility_en", "counterparts", "keywords_da", "keywords_en"]


@admin.register(Notice)
class NoticeAdmin(SimpleHistoryAdmin):
    list_display = ["party", "given_on", "ends_on", "recorded_by", "recorded_at", "withdrawn_at"]
    readonly_fields = ["ends_on", "recorded_by", "recorded_at", "withdrawn_at", "withdrawn_by"]

    def has_add_permission(self, request):
        # Notice is given on the agreement page, through agreement.services, which computes the end date.
        return False

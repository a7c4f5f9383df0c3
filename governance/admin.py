"""Admin of boards, seats, meetings and materials.

Only administrators reach the admin (it needs is_staff), and even there the querysets of meeting
content come from portal.permissions, so the admin can never show more than the pages do.
Seats are created and ended through the board services (which grant and revoke access), so the
admin shows them read-only.
"""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from portal import permissions

from .models import AgendaItem, Attendance, Board, DownloadLog, Material, MaterialVersion, Meeting, Person, Seat


@admin.register(Board)
class BoardAdmin(SimpleHistoryAdmin):
    list_display = ["name", "organisation"]

    def get_queryset(self, request):
        return permissions.visible_boards(request.user)


@admin.register(Person)
class PersonAdmin(SimpleHistoryAdmin):
    list_display = ["name", "company", "email", "censec_member", "user"]
    search_fields = ["name", "company", "email"]


@admin.register(Seat)
class SeatAdmin(SimpleHistoryAdmin):
    list_display = ["person", "board", "role", "term_start", "term_end", "nominated_by", "backed_by_difos", "closed"]
    list_filter = ["board", "role", "closed"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class AgendaItemInline(admin.TabularInline):
    model = AgendaItem
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return permissions.visible_agenda_items(request.user)


@admin.register(Meeting)
class MeetingAdmin(SimpleHistoryAdmin):
    """Read-only: meetings and agendas are run on the meeting pages, whose services send the invitations
    (a change here would move a meeting without telling anyone) and number agenda items safely."""

    list_display = ["title", "board", "kind", "starts_at", "place", "sequence", "cancelled_at"]
    list_filter = ["board", "kind"]
    inlines = [AgendaItemInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return permissions.visible_meetings(request.user)


class MaterialVersionInline(admin.TabularInline):
    model = MaterialVersion
    extra = 0
    can_delete = False
    fields = ["number", "original_name", "content_type", "size", "sha256", "uploaded_by", "uploaded_at"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Material)
class MaterialAdmin(admin.ModelAdmin):
    """Materials are uploaded on the meeting page (where the file is checked); here they can be renamed."""

    list_display = ["title", "meeting", "agenda_item", "kind"]
    search_fields = ["title"]
    readonly_fields = ["meeting", "agenda_item"]
    inlines = [MaterialVersionInline]

    def has_add_permission(self, request):
        return False

    def get_queryset(self, request):
        return permissions.visible_materials(request.user)


@admin.register(DownloadLog)
class DownloadLogAdmin(admin.ModelAdmin):
    list_display = ["at", "user", "version", "via"]
    readonly_fields = ["at", "user", "version", "via"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).filter(version__material__in=permissions.visible_materials(request.user))


# --- i12c: the board pack in the admin: the same services as the meeting page ---------------------
from django.contrib import messages  # noqa: E402
from django.core.exceptions import PermissionDenied, ValidationError  # noqa: E402
from django.utils.translation import gettext_lazy as _  # noqa: E402

from . import publishing  # noqa: E402


def _each(modeladmin, request, queryset, step) -> None:
    done = 0
    for material in queryset.select_related("meeting__board__organisation"):
        try:
            step(material)
        except (PermissionDenied, ValidationError) as exc:
            modeladmin.message_user(request, f"{material}: {' '.join(getattr(exc, 'messages', [str(exc)]))}", messages.WARNING)
        else:
            done += 1
    modeladmin.message_user(request, _("%(n)d materials changed.") % {"n": done})


@admin.action(description=_("Publish the selected drafts (their readers are told)"))
def publish_materials(modeladmin, request, queryset):
    _each(modeladmin, request, queryset, lambda m: publishing.materials_publish(user=request.user, materials=[m]))


@admin.action(description=_("Withdraw the selected materials"))
def withdraw_materials(modeladmin, request, queryset):
    _each(modeladmin, request, queryset, lambda m: publishing.material_withdraw(user=request.user, material=m))


@admin.action(description=_("Restore the selected materials"))
def restore_materials(modeladmin, request, queryset):
    _each(modeladmin, request, queryset, lambda m: publishing.material_restore(user=request.user, material=m))


MaterialAdmin.list_display = [*MaterialAdmin.list_display, "state", "published_at"]
MaterialAdmin.list_filter = ["state", "kind"]
MaterialAdmin.actions = [publish_materials, withdraw_materials, restore_materials]
@admin.register(Attendance)
class AttendanceAdmin(SimpleHistoryAdmin):
    """Answers to invitations, given by members and observers on the meeting page; read-only here."""

    list_display = ["meeting", "user", "answer", "answered_at"]
    list_filter = ["answer"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).filter(meeting__in=permissions.visible_meetings(request.user))

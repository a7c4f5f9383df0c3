"""Views of boards, meetings, materials and the calendar feed; each asks portal.permissions what the user may see."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from portal import permissions
from portal import selectors as portal_selectors

from . import calendar, downloads, publishing, selectors, selectors_meetings, services
from .forms import AgendaItemForm, MaterialUploadForm, MaterialVersionForm
from .models import CalendarToken, DownloadLog


def boards(request):
    """/governance/boards/: who sits where, terms ending soon, and whether G1 and G2 hold."""
    context = selectors.boards_overview()
    context["broken"] = selectors.rule_breaks()
    context["board_pages"] = {e.board.pk for e in context["boards"] if permissions.may_view_board(request.user, e.board)}
    return render(request, "governance/boards.html", context)


def meetings(request):
    """/governance/meetings/: "my upcoming meetings" with materials, all visible meetings, and search."""
    q = request.GET.get("q", "").strip()
    page = Paginator(selectors.meetings_for(user=request.user), 25).get_page(request.GET.get("page"))
    return render(
        request,
        "governance/meetings.html",
        {
            "q": q,
            "results": selectors.search(user=request.user, q=q) if q else None,
            "upcoming": selectors.upcoming_meetings_with_materials(user=request.user),
            "page": page,
            "roles": portal_selectors.roles_of(user=request.user),
            "may_see_log": permissions.managed_boards(request.user).exists(),
        },
    )


def visible_meeting(request, pk):
    return get_object_or_404(permissions.visible_meetings(request.user).select_related("board__organisation"), pk=pk)


def meeting_context(request, meeting, **bound) -> dict:
    """Everything the meeting page shows: the agenda and materials the user may see, the board pack's marks,
    invitations and answers; for the secretariat its forms (`bound`: those re-shown after a bad post)."""
    may_manage = permissions.may_manage_board(request.user, meeting.board)
    context = {"meeting": meeting, "may_manage": may_manage, **selectors.meeting_detail(user=request.user, meeting=meeting)}
    if may_manage:
        context.update(_manager_forms(meeting, **bound))
    context.update(publishing.meeting_page(user=request.user, meeting=meeting, materials=context["materials"], may_manage=may_manage))
    context.update(selectors_meetings.meeting_page(user=request.user, meeting=meeting))
    return context


def meeting(request, pk):
    """/governance/meetings/<id>/: the agenda and materials the user may see; upload forms for the secretariat."""
    return render(request, "governance/meeting.html", meeting_context(request, visible_meeting(request, pk)))


def _manager_forms(meeting, **bound) -> dict:
    forms = {
        "upload_form": MaterialUploadForm(meeting=meeting),
        "version_form": MaterialVersionForm(),
        "item_form": AgendaItemForm(),
    }
    forms.update(bound)
    return forms


def managed_meeting(request, pk):
    meeting = visible_meeting(request, pk)
    if not permissions.may_manage_board(request.user, meeting.board):
        raise PermissionDenied(_("Only the board's secretariat runs its meetings."))
    return meeting


@require_POST
def material_upload(request, pk):
    meeting = managed_meeting(request, pk)
    form = MaterialUploadForm(request.POST, request.FILES, meeting=meeting)
    if form.is_valid():
        try:
            material = services.material_upload(
                user=request.user, upload=form.cleaned_data["file"], meeting=meeting, title=form.cleaned_data["title"],
                agenda_item=form.cleaned_data["agenda_item"], kind=form.cleaned_data["kind"],
            )
        except ValidationError as exc:
            form.add_error("file" if not hasattr(exc, "error_dict") else None, exc)
        else:
            messages.success(request, _("%(title)s was uploaded.") % {"title": material.title})
            return redirect("governance:meeting", pk=meeting.pk)
    return render(request, "governance/meeting.html", meeting_context(request, meeting, upload_form=form), status=400)


@require_POST
def material_new_version(request, pk):
    material = get_object_or_404(permissions.visible_materials(request.user).select_related("meeting__board"), pk=pk)
    if not permissions.may_manage_board(request.user, material.meeting.board):
        raise PermissionDenied
    form = MaterialVersionForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.material_upload(
                user=request.user, upload=form.cleaned_data["file"], meeting=material.meeting, title=material.title,
                material=material,
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("A new version of %(title)s was uploaded.") % {"title": material.title})
    else:
        messages.error(request, _("Choose a file for the new version."))
    return redirect("governance:meeting", pk=material.meeting_id)


def material_download(request, pk):
    """/governance/materials/<id>/download/: the current version, streamed, after the permission check."""
    material = get_object_or_404(permissions.visible_materials(request.user).select_related("current"), pk=pk)
    if material.current is None:
        raise Http404
    services.downloads_record(user=request.user, versions=[material.current], via=DownloadLog.Via.SINGLE)
    return downloads.file_response(material.current)


def material_version_download(request, pk, number):
    """An earlier version of a material the user may see."""
    material = get_object_or_404(permissions.visible_materials(request.user), pk=pk)
    version = get_object_or_404(material.versions, number=number)
    services.downloads_record(user=request.user, versions=[version], via=DownloadLog.Via.SINGLE)
    return downloads.file_response(version)


def meeting_zip(request, pk):
    """/governance/meetings/<id>/materials.zip: exactly the materials the user may see, streamed."""
    meeting = visible_meeting(request, pk)
    materials = selectors.meeting_zip_materials(user=request.user, meeting=meeting)
    services.downloads_record(user=request.user, versions=[m.current for m in materials], via=DownloadLog.Via.ZIP)
    return downloads.zip_response(meeting, materials)


def download_log(request):
    """/governance/downloads/: who downloaded what and when, for the boards the user's secretariat manages."""
    if not permissions.managed_boards(request.user).exists():
        raise PermissionDenied
    page = Paginator(selectors.download_log(user=request.user), 50).get_page(request.GET.get("page"))
    return render(request, "governance/download_log.html", {"page": page})


def calendar_link(request):
    """/governance/calendar/: the user's personal feed address; POST makes a new one or revokes it."""
    if request.method == "POST":
        if "revoke" in request.POST:
            services.calendar_token_revoke(user=request.user)
            messages.success(request, _("Your calendar link was revoked; it no longer works."))
        else:
            services.calendar_token_regenerate(user=request.user)
            messages.success(request, _("You have a new calendar link; the old one no longer works."))
        return redirect("governance:calendar")
    token = CalendarToken.objects.filter(user=request.user).first()
    url = request.build_absolute_uri(f"/calendar/{token.token}.ics") if token else ""
    return render(request, "governance/calendar.html", {"token": token, "feed_url": url})


@login_not_required
@never_cache
def calendar_feed(request, token):
    """/calendar/<token>.ics: no login (calendar apps cannot log in); an unknown or revoked token is a 404."""
    link = get_object_or_404(CalendarToken.objects.select_related("user"), token=token)
    if not link.user.is_active:
        raise Http404
    body = calendar.feed(selectors.calendar_meetings(user=link.user))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="samarbejdsportalen.ics"'
    response["Cache-Control"] = "private, no-store"
    return response

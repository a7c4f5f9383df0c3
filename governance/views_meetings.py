"""Views that run meetings: create, change, move and cancel; the agenda; invitation.ics; attendance (§3 G2, §3.2).

Thin: each asks portal.permissions, calls services_meetings and renders. Create forms carry a
one-time token (portal.once), so a double click makes one meeting or one agenda item.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal import permissions
from portal.once import AlreadyDone, run_once

from . import invitations, selectors_meetings, services_meetings
from .forms import AgendaItemForm, MeetingForm
from .forms_meetings import AgendaItemEditForm, AttendanceForm, MeetingEditForm
from .models import AttendanceAnswer
from .views import managed_meeting, meeting_context, visible_meeting


def _managed_item(request, pk):
    item = get_object_or_404(
        permissions.visible_agenda_items(request.user).select_related("meeting__board__organisation"), pk=pk
    )
    if not permissions.may_manage_board(request.user, item.meeting.board):
        raise PermissionDenied(_("Only the board's secretariat edits its agendas."))
    return item


def _meeting_url(meeting) -> str:
    return reverse("governance:meeting", args=[meeting.pk])


def _meeting_page(request, meeting, *, status: int, **bound):
    """The meeting page for its manager with a form that did not validate (400)."""
    return render(request, "governance/meeting.html", meeting_context(request, meeting, **bound), status=status)


def meeting_create(request):
    """/governance/meetings/new/: the secretariat schedules a meeting of its own party's board; invitations go out."""
    boards = permissions.managed_boards(request.user)
    if not boards.exists():
        raise PermissionDenied
    only = list(boards[:2])
    form = MeetingForm(request.POST or None, boards=boards, initial={"board": only[0]} if len(only) == 1 else None)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "once"}
        try:
            meeting = run_once(
                form, request.user, lambda: services_meetings.meeting_create(by=request.user, **data), url=_meeting_url
            )
        except AlreadyDone as done:
            return redirect(done.url or "governance:meetings")
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("%(title)s was created and the invitations were sent.") % {"title": meeting.title})
            return redirect("governance:meeting", pk=meeting.pk)
    return render(request, "governance/meeting_form.html", {"form": form}, status=400 if form.errors else 200)


@require_POST
def agenda_item_create(request, pk):
    """POST /governance/meetings/<id>/items/: append an item; concurrent posts each get their own number."""
    meeting = managed_meeting(request, pk)
    form = AgendaItemForm(request.POST)
    if form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "once"}
        try:
            run_once(
                form, request.user,
                lambda: services_meetings.agenda_item_create(meeting=meeting, by=request.user, **data),
                url=lambda item: _meeting_url(meeting) + f"#item-{item.pk}",
            )
        except AlreadyDone as done:
            return redirect(done.url or _meeting_url(meeting))
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The item was added to the agenda."))
            return redirect("governance:meeting", pk=meeting.pk)
    return _meeting_page(request, meeting, status=400, item_form=form)


def meeting_edit(request, pk):
    """/governance/meetings/<id>/edit/: change or move the meeting; everyone invited gets the update."""
    meeting = managed_meeting(request, pk)
    if meeting.cancelled_at:
        messages.error(request, _("This meeting was cancelled; it can no longer be changed."))
        return redirect("governance:meeting", pk=meeting.pk)
    initial = {f: getattr(meeting, f) for f in services_meetings.INVITATION_FIELDS}
    form = MeetingEditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            meeting, changed = services_meetings.meeting_update(meeting=meeting, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            if changed:
                messages.success(request, _("The meeting was changed; everyone invited was sent the update."))
            else:
                messages.info(request, _("Nothing was changed."))
            return redirect("governance:meeting", pk=meeting.pk)
    return render(request, "governance/meeting_edit.html", {"form": form, "meeting": meeting}, status=400 if form.errors else 200)


@require_POST
def meeting_cancel(request, pk):
    """POST /governance/meetings/<id>/cancel/: cancel; it stays listed, marked, and everyone invited gets METHOD:CANCEL."""
    meeting = managed_meeting(request, pk)
    try:
        services_meetings.meeting_cancel(meeting=meeting, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The meeting was cancelled; everyone invited was told."))
    return redirect("governance:meeting", pk=meeting.pk)


def meeting_invitation(request, pk):
    """/governance/meetings/<id>/invitation.ics: the meeting's current invitation, for anyone who may see the meeting."""
    meeting = visible_meeting(request, pk)
    body = invitations.invitation(meeting, selectors_meetings.invitees(meeting))
    response = HttpResponse(body, content_type=f"{invitations.mimetype_for(meeting)}; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="invitation.ics"'
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
def meeting_attendance(request, pk):
    """POST /governance/meetings/<id>/attendance/: a member or observer answers attending / not attending."""
    meeting = visible_meeting(request, pk)
    if not permissions.may_answer_attendance(request.user, meeting):
        raise PermissionDenied(_("Only the board's members and observers answer the invitation."))
    form = AttendanceForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose attending or not attending."))
        return redirect("governance:meeting", pk=meeting.pk)
    try:
        services_meetings.attendance_answer(meeting=meeting, user=request.user, answer=form.cleaned_data["answer"])
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        if form.cleaned_data["answer"] == AttendanceAnswer.ATTENDING:
            messages.success(request, _("Thank you: you are down as attending."))
        else:
            messages.success(request, _("Thank you: you are down as not attending."))
    return redirect(reverse("governance:meeting", args=[meeting.pk]) + "#attendance")


def agenda_item_edit(request, pk):
    """/governance/items/<id>/edit/: change an item; a category change says first what observers gain or lose."""
    item = _managed_item(request, pk)
    form = AgendaItemEditForm(
        request.POST or None, initial={"title": item.title, "description": item.description, "confidentiality": item.confidentiality}
    )
    effects = []
    if request.method == "POST" and form.is_valid():
        new = form.cleaned_data["confidentiality"]
        effects = selectors_meetings.category_change_effect(item, new)
        if effects and form.cleaned_data["confirm"] != new:
            data = request.POST.copy()
            data["confirm"] = new
            form = AgendaItemEditForm(data)
            form.is_valid()
        else:
            data = {k: form.cleaned_data[k] for k in ("title", "description", "confidentiality")}
            services_meetings.agenda_item_update(item=item, by=request.user, **data)
            messages.success(request, _("The agenda item was saved."))
            return redirect(reverse("governance:meeting", args=[item.meeting_id]) + f"#item-{item.pk}")
    return render(
        request, "governance/agenda_item_edit.html", {"form": form, "item": item, "meeting": item.meeting, "effects": effects},
        status=400 if form.errors else 200,
    )


@require_POST
def agenda_item_move(request, pk):
    """POST /governance/items/<id>/move/ with direction=up|down."""
    item = _managed_item(request, pk)
    services_meetings.agenda_item_move(item=item, by=request.user, up=request.POST.get("direction") != "down")
    return redirect(reverse("governance:meeting", args=[item.meeting_id]) + f"#item-{item.pk}")


@require_POST
def agenda_item_remove(request, pk):
    """POST /governance/items/<id>/remove/: an item without materials leaves the agenda; the rest are renumbered."""
    item = _managed_item(request, pk)
    try:
        services_meetings.agenda_item_remove(item=item, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("“%(title)s” was removed from the agenda.") % {"title": item.title})
    return redirect("governance:meeting", pk=item.meeting_id)

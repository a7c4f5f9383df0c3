"""The board pack's form posts (issue 12): publish, withdraw, restore, approve minutes. Each answers with the meeting page.

A material the user may not see is a 404 (portal.permissions.visible_materials); one they see but may
not act on is a 403 with the reason (governance.publishing raises it).
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from portal import permissions

from . import publishing


def _material(request, pk):
    return get_object_or_404(permissions.visible_materials(request.user).select_related("meeting__board__organisation"), pk=pk)


def _back(material):
    return redirect(publishing.material_url(material))


def _published_message(request, published) -> None:
    if published:
        messages.success(
            request,
            ngettext(
                "%(n)d material was published; its readers are told.",
                "%(n)d materials were published; their readers are told.",
                len(published),
            )
            % {"n": len(published)},
        )
    else:
        messages.info(request, _("Nothing was left to publish."))


@require_POST
def meeting_publish(request, pk):
    """POST /governance/meetings/<id>/publish/: every draft of the meeting at once."""
    meeting = get_object_or_404(permissions.visible_meetings(request.user).select_related("board__organisation"), pk=pk)
    _published_message(request, publishing.meeting_publish(user=request.user, meeting=meeting))
    return redirect("governance:meeting", pk=meeting.pk)


@require_POST
def material_publish(request, pk):
    material = _material(request, pk)
    try:
        published = publishing.materials_publish(user=request.user, materials=[material])
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        _published_message(request, published)
    return _back(material)


def _act(request, pk, act, done):
    """Run one board-pack step on a material; a refusal the service explains (ValidationError) is a message, not an error page."""
    material = _material(request, pk)
    try:
        act(material)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, done % {"title": material.title})
    return _back(material)


@require_POST
def material_withdraw(request, pk):
    reason = request.POST.get("reason", "").strip()
    return _act(request, pk, lambda m: publishing.material_withdraw(user=request.user, material=m, reason=reason),
                _("%(title)s was withdrawn; readers no longer see it."))


@require_POST
def material_restore(request, pk):
    return _act(request, pk, lambda m: publishing.material_restore(user=request.user, material=m),
                _("%(title)s was restored; readers see it again."))


@require_POST
def minutes_approve(request, pk):
    """POST /governance/materials/<id>/approve/: the chair of the board approves the minutes (others: 403)."""
    return _act(request, pk, lambda m: publishing.minutes_approve(user=request.user, material=m),
                _("You approved %(title)s."))

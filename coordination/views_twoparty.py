"""The two parties' words (§4): a director's approval of a plan; a party's word on a finding. Thin: the
decisions are coordination.services_twoparty's, the pages they come from are activities'."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from activities import selectors as activity_selectors
from activities.models import FindingStatus
from activities.services.findings import findings_with_activities
from portal import permissions

from . import services_twoparty as services
from .forms_twoparty import FindingWordForm
from .models import WordAction


def _names(ids) -> str:
    parties = {p.pk: p.short_name for p in activity_selectors.parties().values()}
    return _(" and ").join(parties[i] for i in sorted(ids) if i in parties)


@require_POST
def plan_coordinate(request, org, year):
    """Record the user's party's approval of the plan's current revision (POST /activities/<org>/<year>/coordinate/)."""
    plan = activity_selectors.plan_get(user=request.user, org=org, year=year)
    if plan is None:
        raise Http404(_("There is no such plan."))
    try:
        result = services.plan_approve(user=request.user, plan=plan)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("activities:plan", org, year)
    if result.coordinated:
        messages.success(request, _("Both parties have approved the plan: it is coordinated."))
    else:
        waits = []
        if result.waiting_for:
            waits.append(_("%(parties)s's approval") % {"parties": _names(result.waiting_for)})
        if result.open_findings:
            waits.append(_("%(count)d open findings") % {"count": result.open_findings})
        recorded = _("Your party's approval is recorded.") if result.created else _("Your party has already approved this revision.")
        messages.success(request, f"{recorded} " + _("The plan is coordinated once nothing waits: %(waiting)s.") % {"waiting": ", ".join(waits)})
    return redirect("activities:plan", org, year)


def _word(request, pk, action, success):
    if not permissions.may_use_activities(request.user):
        raise PermissionDenied(_("Activity plans are for the parties' secretariats and directors."))
    finding = get_object_or_404(findings_with_activities(permissions.visible_findings(request.user)), pk=pk)
    if not getattr(permissions, services.RULES[action])(request.user, finding):
        raise PermissionDenied(services.refusal(request.user, finding, action))
    form = FindingWordForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    else:
        data = form.cleaned_data
        try:
            services.finding_word_give(
                user=request.user, finding=finding, action=action, reason=data["reason"], outcome=data["outcome"],
                acting_party=data["acting_party"], division=data["division"], contact=data["contact"],
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            finding.refresh_from_db()
            messages.success(request, success if finding.status != FindingStatus.OPEN else _("Your party's word is recorded; the finding waits for the other party's."))
    following = request.POST.get("next", "")
    return redirect(following if following.startswith("/activities/") else "activities:findings")


@require_POST
def finding_acknowledge(request, pk):
    return _word(request, pk, WordAction.ACKNOWLEDGE, _("The finding is settled: the words it needs are in."))


@require_POST
def finding_dismiss(request, pk):
    return _word(request, pk, WordAction.DISMISS, _("The finding is dismissed."))


@require_POST
def finding_propose(request, pk):
    return _word(request, pk, WordAction.PROPOSE, _("Your proposal is recorded; the other party's word closes the finding."))

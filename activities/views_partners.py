"""The partner party's word on a joint activity (i11d): confirm it, or withdraw the confirmation. Thin views."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal import permissions

from . import selectors
from .models import Activity
from .services import partners


def partner_context(user, activity) -> dict:
    """What the activity page shows of the partner: whether it is confirmed, and which button this user gets."""
    if activity is None or not activity.partner_id:
        return {}
    confirmed = partners.is_confirmed(activity)
    return {
        "partner_confirmed": confirmed,
        "may_confirm_partner": not confirmed and permissions.may_confirm_partner(user, activity),
        "may_withdraw_partner": confirmed and permissions.may_withdraw_partner_confirmation(user, activity),
    }


def _act(request, org, year, pk, service, success):
    plan = selectors.plan_get(user=request.user, org=org, year=year)
    if plan is None:
        raise Http404(_("There is no such plan."))
    activity = get_object_or_404(Activity.objects.select_related("plan__organisation", "partner"), pk=pk, plan=plan)
    try:
        service(user=request.user, activity=activity)  # PermissionDenied: 403 with its reason
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, success)
    return redirect("activities:activity", org, year, pk)


@require_POST
def confirm_partner(request, org, year, pk):
    return _act(request, org, year, pk, partners.partner_confirm, _("Confirmed: your party takes part in this joint activity."))


@require_POST
def withdraw_partner(request, org, year, pk):
    return _act(
        request, org, year, pk, partners.partner_withdraw,
        _("Your party's confirmation is withdrawn; the checks treat the activity as the other party's own."),
    )

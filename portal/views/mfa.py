"""Two-factor pages: set up an authenticator, verify a login, issue new recovery codes."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from .. import mfa


class CodeForm(forms.Form):
    token = forms.CharField(
        label=gettext_lazy("Code"),
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}),
    )


def _next(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or "/"
    return target if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}) else "/"


def mfa_setup(request):
    if mfa.has_confirmed_device(request.user) and not request.user.is_verified():
        return redirect(f"/accounts/mfa/?next={_next(request)}")
    device = mfa.enrolment_device(request.user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = mfa.enrolment_confirm(request=request, token=form.cleaned_data["token"])
        if codes is not None:
            return render(request, "registration/mfa_recovery_codes.html", {"codes": codes, "next": _next(request)})
        form.add_error("token", _("The code is not right. Check the time on your phone and try the newest code."))
    return render(
        request,
        "registration/mfa_setup.html",
        {"form": form, "qr": mfa.qr_code_data_uri(device), "secret": mfa.secret_base32(device), "next": _next(request)},
    )


def mfa_verify(request):
    if not mfa.has_confirmed_device(request.user):
        return redirect(f"/accounts/mfa/setup/?next={_next(request)}")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if mfa.verify(request=request, token=form.cleaned_data["token"]):
            return redirect(_next(request))
        form.add_error("token", _("The code is not right. Use the newest code from your app, or a recovery code."))
    return render(request, "registration/mfa_verify.html", {"form": form, "next": _next(request)})


@require_POST
def mfa_recovery_codes(request):
    if not request.user.is_verified():
        messages.error(request, _("Log in with your second factor before you make new recovery codes."))
        return redirect("mfa-verify")
    codes = mfa.recovery_codes_issue(user=request.user)
    return render(request, "registration/mfa_recovery_codes.html", {"codes": codes, "next": "/"})

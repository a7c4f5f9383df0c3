"""One-time form tokens: a create form posted twice (a double click, a reload, a retry) makes one object.

A form that creates something mixes in `OnceForm`: it carries a hidden random token, fresh each
time the form is shown. The view runs its service through `run_once`, which spends the token in
the same transaction as the write (a unique row, `portal.models.SpentToken`). A second post with
the same token does not run the write again: `run_once` raises `AlreadyDone` naming where the
first post went, and the view redirects there.

    form = MeetingForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            meeting = run_once(form, request.user, lambda: services.meeting_create(...),
                               url=lambda m: reverse("governance:meeting", args=[m.pk]))
        except AlreadyDone as done:
            return redirect(done.url)
"""

import re
import secrets
from datetime import timedelta

from django import forms
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import SpentToken

TOKEN_FIELD = "once"
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{16,64}$")


def new_token() -> str:
    return secrets.token_urlsafe(24)


class AlreadyDone(Exception):
    """The form's token was spent by an earlier post; `url` is where that post went (may be empty)."""

    def __init__(self, url: str):
        super().__init__(url)
        self.url = url


class OnceForm(forms.Form):
    """Mix in before forms.Form/ModelForm: adds the hidden one-time token `once`."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[TOKEN_FIELD] = forms.CharField(widget=forms.HiddenInput, initial=new_token, required=True,
                                                   error_messages={"required": _("The form has expired; please submit it again.")})

    def clean(self):
        cleaned = super().clean()
        if TOKEN_FIELD in self.errors:
            # The token is a hidden field, whose errors no form layout shows: say it at the top as well.
            self.add_error(None, self.errors[TOKEN_FIELD][0])
        return cleaned

    def clean_once(self):
        token = self.cleaned_data[TOKEN_FIELD]
        if not _TOKEN.match(token):
            raise forms.ValidationError(_("The form has expired; please submit it again."))
        return token


def run_once(form, user, action, *, url=lambda result: ""):
    """Spend `form`'s token and run `action()` in one transaction; return its result.

    Raises AlreadyDone(url) if the token was spent before: the first post's object exists, nothing
    new is made. `url(result)` is stored so the repeat goes where the first post went. If `action`
    raises, the token is not spent (the user may correct the form and post again).
    """
    token = form.cleaned_data[TOKEN_FIELD]
    existing = SpentToken.objects.filter(token=token).first()
    if existing is not None:
        raise AlreadyDone(existing.result_url)
    try:
        with transaction.atomic():
            spent = SpentToken.objects.create(token=token, user=user if getattr(user, "pk", None) else None)
            result = action()
            spent.result_url = url(result) or ""
            spent.save(update_fields=["result_url"])
    except IntegrityError:
        # A concurrent post spent it first (the unique index waited for it to commit).
        existing = SpentToken.objects.filter(token=token).first()
        if existing is None:
            raise
        raise AlreadyDone(existing.result_url) from None
    return result


def prune(*, older_than=timedelta(days=30)) -> int:
    """Forget tokens older than any form left open in a browser tab; returns how many went."""
    deleted, _ = SpentToken.objects.filter(created_at__lt=timezone.now() - older_than).delete()
    return deleted

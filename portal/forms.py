"""Forms of the ground floor: how a user wants their email."""

from django import forms

from .models import Delivery
from .notifications import registered_kinds


class NotificationPreferencesForm(forms.Form):
    """One choice per kind of message: emailed at once, or in the daily digest."""

    def __init__(self, *args, initial: dict[str, str], **kwargs):
        super().__init__(*args, initial=initial, **kwargs)
        for kind in registered_kinds():
            self.fields[kind.name] = forms.ChoiceField(
                label=kind.label, choices=Delivery.choices, widget=forms.RadioSelect, initial=kind.default
            )

"""The form of a party's word on a finding: outcome, the party that withdraws or moves it, who does what, reason, where agreed."""

from django import forms
from django.utils.translation import gettext_lazy as _

from agreement.selectors import party_organisations

from .models import DirectorContact, WordOutcome


class FindingWordForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=[("", "—"), *WordOutcome.choices], required=False)
    acting_party = forms.ModelChoiceField(
        label=_("Party that withdraws or moves it"), queryset=party_organisations(), required=False, to_field_name="slug"
    )
    division = forms.CharField(label=_("Who does what"), max_length=2000, required=False)
    reason = forms.CharField(label=_("Reason"), max_length=2000)
    contact = forms.ModelChoiceField(label=_("Agreed at"), queryset=DirectorContact.objects.all(), required=False)

    def clean_reason(self):
        return self.cleaned_data["reason"].strip()

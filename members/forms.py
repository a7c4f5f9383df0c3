import datetime as dt
import re

from django import forms
from django.utils.translation import gettext_lazy as _

from .selectors import Criteria

MONTH = re.compile(r"^(\d{4})-(\d{2})$")


class ActivityFilterForm(forms.Form):
    """The filters of the activity list, the calendar and both feeds (GET, so every view is a shareable address)."""

    organisation = forms.ChoiceField(label=_("Organisation"), required=False)
    task_area = forms.ChoiceField(label=_("Task area"), required=False)
    target_group = forms.ChoiceField(label=_("Target group"), required=False)
    month = forms.CharField(label=_("Month"), required=False, max_length=7, widget=forms.TextInput(attrs={"type": "month"}))
    q = forms.CharField(label=_("Search"), required=False, max_length=100, widget=forms.TextInput(attrs={"type": "search"}))

    def __init__(self, *args, parties, areas, groups, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].choices = [("", _("Both"))] + [(p.slug, p.short_name) for p in parties]
        self.fields["task_area"].choices = [("", _("All"))] + [(a.slug, a.name) for a in areas]
        self.fields["target_group"].choices = [("", _("All"))] + [(g, g) for g in groups]

    def clean_month(self):
        value = self.cleaned_data["month"].strip()
        if not value:
            return None
        match = MONTH.match(value)
        try:
            return dt.date(int(match[1]), int(match[2]), 1) if match else None
        except ValueError:
            pass
        raise forms.ValidationError(_("Write the month as YYYY-MM, e.g. 2027-03."))

    def criteria(self) -> Criteria:
        """The valid filters; a filter the user got wrong is left out (and its message shown)."""
        data = {name: self.cleaned_data.get(name) for name in self.fields if name not in self.errors} if self.is_bound else {}
        return Criteria(
            organisation=data.get("organisation") or "", task_area=data.get("task_area") or "",
            target_group=data.get("target_group") or "", month=data.get("month"), q=(data.get("q") or "").strip(),
        )

    def full_clean(self):
        super().full_clean()
        # A bound form with errors still has the valid fields' values in cleaned_data.
        if not hasattr(self, "cleaned_data"):
            self.cleaned_data = {}

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
            if match and 2000 <= int(match[1]) <= 2100:  # the plans' years (Plan's constraint)
                return dt.date(int(match[1]), int(match[2]), 1)
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


class OrganisationChoiceMixin:
    """The organisation field, limited to the parties whose members the user manages."""

    def limit_organisations(self, organisations):
        from agreement.models import Organisation

        self.fields["organisation"].queryset = Organisation.objects.filter(pk__in=[o.pk for o in organisations])
        if len(organisations) == 1:
            self.fields["organisation"].initial = organisations[0]
            self.fields["organisation"].widget = forms.HiddenInput()


class MemberForm(OrganisationChoiceMixin, forms.Form):
    organisation = forms.ModelChoiceField(label=_("Organisation"), queryset=None)
    name = forms.CharField(label=_("Name"), max_length=200)
    email = forms.EmailField(label=_("Email"))
    company = forms.CharField(label=_("Company"), max_length=200)

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.limit_organisations(organisations)


class MemberImportForm(OrganisationChoiceMixin, forms.Form):
    organisation = forms.ModelChoiceField(label=_("Organisation"), queryset=None)
    file = forms.FileField(label=_("Spreadsheet (.csv or .xlsx)"))

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.limit_organisations(organisations)


class ServiceForm(forms.ModelForm):
    class Meta:
        from .models import Service

        model = Service
        fields = ["name", "description", "for_whom", "contact_name", "contact_email", "matrix_row", "visibility"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        from agreement.models import MatrixRow

        self.instance.organisation = organisation
        self.fields["matrix_row"].queryset = MatrixRow.objects.order_by("order")
        self.fields["matrix_row"].label_from_instance = lambda row: f"{row.code} {row.responsibility[:70]}"

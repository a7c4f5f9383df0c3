from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Column, Layout, Row, Submit
from django import forms
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from agreement.models import MatrixRow, Organisation, Party, TaskArea
from portal.parsing import MAX_ID, SensibleDates

from .models import Activity, ActivityStatus, FindingKind, FindingStatus, Visibility
from .changes import EDITABLE_FIELDS


VERSION_MISSING = "version_missing"


class ActivityForm(SensibleDates, forms.ModelForm):
    """An activity of a plan; `version` is the one the user opened, so a concurrent save is caught."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1, max_value=2**31 - 1)

    class Meta:
        model = Activity
        fields = EDITABLE_FIELDS
        widgets = {
            "start": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "end": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "description": forms.Textarea(attrs={"rows": 3}),
            "topics": forms.TextInput(),
            "counterparts": forms.TextInput(attrs={"placeholder": "Lockheed Martin; Terma"}),
            "target_groups": forms.TextInput(),
            "signup_url": forms.URLInput(attrs={"placeholder": "https://"}),
        }

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.plan = plan
        self.fields["matrix_row"].queryset = MatrixRow.objects.order_by("order")
        self.fields["matrix_row"].label_from_instance = lambda row: f"{row.code} {row.responsibility[:70]}"
        self.fields["partner"].queryset = Organisation.objects.filter(kind=Organisation.Kind.PARTY).exclude(pk=plan.organisation_id)
        self.fields["task_area"].queryset = TaskArea.objects.order_by("number")
        # A form from before visibility existed (or a script) that sends none keeps the activity internal.
        self.fields["visibility"].required = False
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
        # Suggest a matrix row from the text as the user types (htmx; see templates/htmx/row_suggestions.html).
        for name in ("title", "description"):
            self.fields[name].widget.attrs.update(
                {"hx-get": reverse_lazy("activities:suggest-row"), "hx-trigger": "input changed delay:400ms",
                 "hx-target": "#row-suggestions", "hx-include": "#id_title, #id_description"}
            )
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            "version", "title", "description",
            Row(Column("task_area"), Column("matrix_row")),
            HTML('<div id="row-suggestions" aria-live="polite" class="mb-3"></div>'),
            Row(Column("start"), Column("end"), Column("status")),
            "topics", "counterparts", "target_groups",
            Row(Column("common_interest"), Column("partner")),
            Row(Column("visibility"), Column("place"), Column("signup_url")),
        )

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk and cleaned.get("version") is None:
            # An edit must say which version it was made on; without it, it would overwrite blindly.
            raise forms.ValidationError(
                _("The form did not say which version of the activity you edited, so nothing was saved. "
                  "Reload the page and make the change again."),
                code=VERSION_MISSING,
            )
        return cleaned


    def clean_visibility(self):
        return self.cleaned_data.get("visibility") or Visibility.INTERNAL


class ActivityFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    task_area = forms.ModelChoiceField(label=_("Task area"), queryset=TaskArea.objects.order_by("number"), required=False)
    status = forms.ChoiceField(label=_("Status"), choices=[("", _("All"))] + ActivityStatus.choices, required=False)
    sort = forms.CharField(required=False, widget=forms.HiddenInput)


class ImportForm(forms.Form):
    file = forms.FileField(label=_("Spreadsheet (.csv or .xlsx)"))
    replace = forms.BooleanField(label=_("Replace the plan's current activities"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("submit", _("Import")))


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=2000, widget=forms.TextInput)


class FindingFilterForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=[("", _("All"))] + FindingKind.choices, required=False)
    party = forms.ChoiceField(label=_("Party"), choices=[("", _("All")), *Party.choices], required=False)
    status = forms.ChoiceField(label=_("Status"), choices=[("", _("All"))] + FindingStatus.choices, required=False)
    id = forms.IntegerField(required=False, widget=forms.HiddenInput, min_value=1, max_value=MAX_ID)

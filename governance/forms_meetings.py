"""Forms for changing meetings and agenda items (creating them: forms.MeetingForm and forms.AgendaItemForm, one-time tokens)."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from portal.parsing import SensibleDates

from .models import AttendanceAnswer, Confidentiality, MeetingKind


class MeetingEditForm(SensibleDates, forms.Form):
    """Change or move a meeting; a change to what the invitation shows sends everyone the update."""

    kind = forms.ChoiceField(label=_("Kind"), choices=MeetingKind.choices)
    title = forms.CharField(label=_("Title"), max_length=200)
    starts_at = forms.DateTimeField(label=_("Starts"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"))
    ends_at = forms.DateTimeField(label=_("Ends"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"))
    place = forms.CharField(label=_("Place"), max_length=200, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("save", _("Save and send the update")))

    def clean(self):
        data = super().clean()
        if data.get("starts_at") and data.get("ends_at") and data["ends_at"] <= data["starts_at"]:
            self.add_error("ends_at", _("The meeting must end after it starts."))
        return data


class AgendaItemEditForm(forms.Form):
    """Change an agenda item; a category change that observers would notice must be confirmed (§3 G2)."""

    title = forms.CharField(label=_("Title"), max_length=300)
    description = forms.CharField(label=_("Description"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    confidentiality = forms.ChoiceField(
        label=_("Confidentiality"), choices=Confidentiality.choices,
        help_text=_("Observers never see personnel or internal secretariat items, nor their materials."),
    )
    # The category the user confirmed after seeing what observers gain or lose (empty: not yet confirmed).
    confirm = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True


class AttendanceForm(forms.Form):
    answer = forms.ChoiceField(label=_("Do you attend?"), choices=AttendanceAnswer.choices)

"""Forms of the board pages: uploading a material or a new version (crispy-forms, Bootstrap 5)."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from portal.once import OnceForm
from portal.parsing import SensibleDates

from .models import AgendaItem, Board, Confidentiality, Material, MeetingKind


class MaterialUploadForm(forms.Form):
    """A new material on a meeting or one of its agenda items."""

    title = forms.CharField(label=_("Title"), max_length=300, required=False, help_text=_("Leave empty to use the file name."))
    agenda_item = forms.ModelChoiceField(
        label=_("Agenda item"), queryset=AgendaItem.objects.none(), required=False,
        empty_label=_("The meeting as a whole"),
        help_text=_("A material has the confidentiality of its agenda item."),
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=Material.Kind.choices, initial=Material.Kind.MATERIAL)
    file = forms.FileField(label=_("File"))

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agenda_item"].queryset = AgendaItem.objects.filter(meeting=meeting).order_by("position")
        self.fields["file"].help_text = _("PDF, Office document, image or plain text; at most %(mb)d MB.") % {
            "mb": settings.PORTAL_MAX_UPLOAD_MB
        }
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.add_input(Submit("upload", _("Upload")))


class MaterialVersionForm(forms.Form):
    """A new version of an existing material; the old versions are kept."""

    file = forms.FileField(label=_("New version"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.add_input(Submit("upload-version", _("Upload new version"), css_class="btn-sm"))


class MeetingForm(OnceForm, SensibleDates, forms.Form):
    """A new board meeting or strategy seminar, on a board the user's secretariat manages."""

    board = forms.ModelChoiceField(label=_("Board"), queryset=Board.objects.none())
    kind = forms.ChoiceField(label=_("Kind"), choices=MeetingKind.choices)
    title = forms.CharField(label=_("Title"), max_length=200)
    starts_at = forms.DateTimeField(label=_("Starts"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"}))
    ends_at = forms.DateTimeField(label=_("Ends"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"}))
    place = forms.CharField(label=_("Place"), max_length=200, required=False)

    def __init__(self, *args, boards, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["board"].queryset = boards
        self.helper = FormHelper()
        self.helper.add_input(Submit("create", _("Create meeting")))


class AgendaItemForm(OnceForm, forms.Form):
    """An item appended to a meeting's agenda, with its confidentiality category (§3 G2)."""

    title = forms.CharField(label=_("Title"), max_length=300)
    description = forms.CharField(label=_("Description"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
    confidentiality = forms.ChoiceField(
        label=_("Confidentiality"), choices=Confidentiality.choices,
        help_text=_("Observers never see personnel or internal secretariat items, nor their materials."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.add_input(Submit("add-item", _("Add to the agenda")))

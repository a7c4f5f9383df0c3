"""Forms for director contacts: the contact, its action items (a formset) and the log's filters."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Div, Layout, Row
from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from activities.models import Activity
from agreement.models import Organisation, Party, TaskArea
from agreement.selectors import party_staff
from portal.once import OnceForm
from portal.parsing import SensibleDates

from .agenda import current_plan_years
from .models import ActionItem, ContactForm, DirectorContact
from .services import ActionItemData


def party_staff_users():
    """Who can take part in, or own an action from, a director contact: the parties' directors and secretariats."""
    return party_staff().order_by("first_name", "last_name", "username")


class PlanActivitiesField(forms.ModelMultipleChoiceField):
    """The plan activities presented (§5 O1): both parties' current plans, as checkboxes grouped by plan."""

    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj):
        return f"{obj.title} ({obj.start:%d.%m.%Y})"

    def group(self) -> None:
        """Group the choices under their plans ("CenSec 2026", …): one query, when the form is built."""
        groups: dict[str, list] = {}
        for activity in self.queryset:
            groups.setdefault(str(activity.plan), []).append((activity.pk, self.label_from_instance(activity)))
        self.choices = list(groups.items())


def presentable_activities(contact: DirectorContact | None):
    """Both parties' activities in their current plans, and any the contact already links."""
    linked = Q(director_contacts=contact) if contact is not None and contact.pk else Q(pk__in=[])
    return (
        Activity.objects.filter(Q(plan__year__in=current_plan_years(timezone.localdate())) | linked)
        .select_related("plan__organisation")
        .order_by("plan__year", "plan__organisation__slug", "start", "id")
        .distinct()
    )


class DirectorContactForm(SensibleDates, forms.ModelForm):
    occurred_at = forms.DateTimeField(
        label=_("Date and time"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
    )
    participants = forms.ModelMultipleChoiceField(
        queryset=get_user_model().objects.none(),
        label=_("Participants"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The contact counts for the monthly rule when a director of each party took part and at least one §4 topic was discussed."),
    )
    task_areas = forms.ModelMultipleChoiceField(
        queryset=TaskArea.objects.all(),
        label=_("§4 topics discussed"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("§5: the directors' monthly contact is where the topics of §4 are discussed."),
    )
    activities = PlanActivitiesField(
        queryset=Activity.objects.none(),
        label=_("Plan activities presented"),
        required=False,
        help_text=_("§5: each organisation presents its planned activities. Both parties' current plans."),
    )

    class Meta:
        model = DirectorContact
        fields = ["occurred_at", "form", "participants", "task_areas", "agenda", "activities", "activities_presented", "decisions"]
        labels = {"decisions": _("What was agreed"), "activities_presented": _("Other activities presented")}
        help_texts = {
            "decisions": _("§5: the concrete cooperation discussed and agreed."),
            "activities_presented": _("Anything presented that is not in the plans; one per line, links welcome."),
        }
        widgets = {
            "agenda": forms.Textarea(attrs={"rows": 8}),
            "activities_presented": forms.Textarea(attrs={"rows": 3}),
            "decisions": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["participants"].queryset = party_staff_users()
        self.fields["activities"].queryset = presentable_activities(self.instance)
        self.fields["activities"].group()
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            Row(Column("occurred_at", css_class="col-md-4"), Column("form", css_class="col-md-4")),
            Row(Column("participants", css_class="col-md-6"), Column("task_areas", css_class="col-md-6")),
            "agenda",
            Div("activities", css_class="activity-picker border rounded p-2 mb-3 overflow-auto",
                data_testid="contact-activities"),
            "activities_presented",
            "decisions",
        )

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        return {name: data[name] for name in self.Meta.fields}


class NewDirectorContactForm(OnceForm, DirectorContactForm):
    """The form for a new contact: posted twice (a double click, a reload), it logs one contact (portal.once)."""


class ActionItemForm(SensibleDates, forms.ModelForm):
    class Meta:
        model = ActionItem
        fields = ["text", "owner", "due_on", "done"]
        widgets = {"due_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = party_staff_users()


ActionItemFormSet = forms.inlineformset_factory(
    DirectorContact, ActionItem, form=ActionItemForm, extra=2, can_delete=True, max_num=50, validate_max=True
)


def action_items_from(formset) -> list[ActionItemData]:
    """The formset's rows as the service takes them; blank extra rows are left out."""
    items = []
    for form in formset.forms:
        data = getattr(form, "cleaned_data", None)
        if not data:
            continue
        instance = data.get("id")
        items.append(
            ActionItemData(
                text=data.get("text", ""),
                owner=data.get("owner"),
                due_on=data.get("due_on"),
                done=data.get("done", False),
                pk=instance.pk if instance else None,
                delete=data.get("DELETE", False),
            )
        )
    return items


class ContactFilterForm(SensibleDates, forms.Form):
    party = forms.ModelChoiceField(
        queryset=Organisation.objects.filter(slug__in=Party.values), required=False, label=_("Party"), to_field_name="slug"
    )
    form = forms.ChoiceField(choices=[("", _("Any form")), *ContactForm.choices], required=False, label=_("Form"))
    date_from = forms.DateField(required=False, label=_("From"), widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(required=False, label=_("To"), widget=forms.DateInput(attrs={"type": "date"}))
    task_area = forms.ModelChoiceField(
        queryset=TaskArea.objects.all(), required=False, label=_("Task area"), to_field_name="slug"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_method = "get"
        self.helper.form_tag = False
        self.helper.disable_csrf = True

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            raise forms.ValidationError(_("The start of the date range is after its end."))
        return data

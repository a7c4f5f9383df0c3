"""Forms of the board composition pages: people, seats, ending a seat, importing a spreadsheet."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from agreement.models import Organisation
from portal.once import OnceForm
from portal.parsing import SensibleDates

from .models import Person, SeatRole


def _date(label, required=True, help_text=""):
    return forms.DateField(
        label=label, required=required, help_text=help_text, widget=forms.DateInput(attrs={"type": "date"})
    )


class PersonForm(SensibleDates, forms.Form):
    """A person who may hold a seat (§3 G1: company and role there, CenSec membership, the statutes)."""

    name = forms.CharField(label=_("Name"), max_length=200)
    email = forms.EmailField(label=_("Email"), required=False, help_text=_("Invitations and notices go here."))
    company = forms.CharField(label=_("Company"), max_length=200, required=False)
    company_role = forms.CharField(
        label=_("Role in the company"), max_length=200, required=False,
        help_text=_("§3 G1: a company representative has a company and a role there (e.g. CEO)."),
    )
    censec_member = forms.BooleanField(label=_("Member of CenSec"), required=False)
    statutes_accepted_on = _date(
        _("Accepted to serve under CenSec's statutes on"), required=False,
        help_text=_("§3 G1: the date the person accepted to serve under CenSec's statutes."),
    )
    username = forms.CharField(
        label=_("Portal user"), max_length=150, required=False,
        help_text=_("The username of their portal account, if they have one: a seat gives it access to the board."),
    )

    @classmethod
    def initial_for(cls, person: Person) -> dict:
        initial = {name: getattr(person, name) for name in ("name", "email", "company", "company_role", "censec_member",
                                                              "statutes_accepted_on")}
        initial["username"] = person.user.username if person.user_id else ""
        return initial


class PersonCreateForm(OnceForm, PersonForm):
    pass


class SeatForm(SensibleDates, forms.Form):
    """A seat on the board for a term; the nomination and DI FOS's backing (§3 G1, G2)."""

    role = forms.ChoiceField(label=_("Role"), choices=SeatRole.choices)
    person = forms.ModelChoiceField(label=_("Person"), queryset=Person.objects.order_by("name", "pk"))
    term_start = _date(_("Term starts"))
    term_end = _date(_("Term ends"), required=False)
    nominated_by = forms.ModelChoiceField(
        label=_("Nominated by"), queryset=Organisation.objects.order_by("kind", "slug"), required=False,
        help_text=_("For an observer: the party that sends them (§3 G2)."),
    )
    backed_by_difos = forms.BooleanField(label=_("Backed by DI FOS"), required=False)
    backing_confirmed_on = _date(
        _("DI FOS backing confirmed on"), required=False,
        help_text=_("§3 G1: the backing counts when its date lies within the seat's term."),
    )

    def __init__(self, *args, correcting=False, **kwargs):
        super().__init__(*args, **kwargs)
        if correcting:
            del self.fields["person"]

    def clean(self):
        data = super().clean()
        if data.get("backed_by_difos") and not data.get("backing_confirmed_on"):
            self.add_error("backing_confirmed_on", _("Give the date DI FOS confirmed its backing."))
        if data.get("role") == SeatRole.OBSERVER and not data.get("nominated_by"):
            self.add_error("nominated_by", _("An observer must be nominated by a party."))
        return data


class SeatCreateForm(OnceForm, SeatForm):
    pass


class SeatEndForm(SensibleDates, forms.Form):
    on = _date(_("Ends on"), help_text=_("Up to today the seat ends at once; a later day becomes the term's end."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["on"].initial = timezone.localdate


class BoardImportForm(forms.Form):
    file = forms.FileField(label=_("Spreadsheet (CSV or XLSX)"))

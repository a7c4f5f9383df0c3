from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal import permissions
from portal.parsing import SensibleDates

from .models import Organisation


class NoticeForm(SensibleDates, forms.Form):
    party = forms.ModelChoiceField(queryset=Organisation.objects.none(), label=_("Party giving notice"))
    given_on = forms.DateField(
        label=_("Notice given on"), widget=forms.DateInput(attrs={"type": "date"}), initial=timezone.localdate
    )
    reason = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}), max_length=2000)

    def __init__(self, *args, user, parties, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["party"].queryset = parties.filter(
            pk__in=[p.pk for p in parties if permissions.may_give_notice(user, p)]
        )

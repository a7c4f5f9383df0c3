"""What changed between two states of an activity, in words: for the history and for a refused save."""

from django.utils.translation import gettext as _

from agreement.models import MatrixRow, Organisation, TaskArea

from .models import Activity

# The fields a secretariat edits (form, services, spreadsheets and history all use this list).
EDITABLE_FIELDS = [
    "title", "description", "task_area", "matrix_row", "start", "end", "topics", "counterparts",
    "target_groups", "status", "common_interest", "partner", "visibility", "place", "signup_url",
]


class ChangeDescriber:
    """Compares activity states (models or history records) field by field; the few related names are read once."""

    def __init__(self):
        self.names = {
            "task_area": {a.pk: str(a) for a in TaskArea.objects.all()},
            "matrix_row": {r.pk: r.code for r in MatrixRow.objects.all()},
            "partner": {o.pk: o.short_name for o in Organisation.objects.all()},
        }

    def value(self, name: str, value) -> str:
        field = Activity._meta.get_field(name)
        if value in (None, ""):
            return "—"
        if field.is_relation:
            return self.names[name].get(value, "—")
        if field.choices:
            return str(dict(field.flatchoices).get(value, value))
        if isinstance(value, bool):
            return _("yes") if value else _("no")
        return str(value)

    def changes(self, before, after) -> list[tuple[str, str, str]]:
        """(field label, value before, value after) for each edited field that differs."""
        result = []
        for name in EDITABLE_FIELDS:
            field = Activity._meta.get_field(name)
            old, new = getattr(before, field.attname), getattr(after, field.attname)
            if old != new:
                result.append((str(field.verbose_name), self.value(name, old), self.value(name, new)))
        # The partner party's word (i11d), which only the partner party gives.
        old, new = bool(getattr(before, "partner_confirmed_at", None)), bool(getattr(after, "partner_confirmed_at", None))
        if old != new:
            result.append((_("partner's confirmation"), *(_("confirmed") if v else _("awaiting") for v in (old, new))))
        return result

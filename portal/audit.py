"""The administrators' audit: who changed what (every model with history) and who downloaded what."""

from dataclasses import dataclass
from datetime import datetime
from heapq import merge

from django.utils.translation import gettext_lazy as _
from simple_history.models import registered_models

CHANGE_TYPES = {"+": _("created"), "~": _("changed"), "-": _("deleted")}


@dataclass(frozen=True)
class Change:
    when: datetime
    who: object
    action: str
    model: str
    object_label: str
    changed_fields: list[str]


def _history_models():
    models = {model._meta.label_lower: model for model in registered_models.values() if hasattr(model, "history")}
    return dict(sorted(models.items()))


def audited_models() -> list[tuple[str, str]]:
    return [(label, str(model._meta.verbose_name_plural)) for label, model in _history_models().items()]


def _changes_of(model, limit: int, user_id: int | None):
    records = model.history.select_related("history_user").order_by("-history_date")
    if user_id:
        records = records.filter(history_user_id=user_id)
    previous_of = {}
    records = list(records[:limit])
    for record in records:
        fields = []
        if record.history_type == "~":
            prev = previous_of.get(record.pk) or record.prev_record
            if prev is not None:
                fields = [c.field for c in record.diff_against(prev).changes]
        yield Change(
            when=record.history_date,
            who=record.history_user,
            action=CHANGE_TYPES.get(record.history_type, record.history_type),
            model=str(model._meta.verbose_name),
            object_label=str(record.instance)[:120],
            changed_fields=fields,
        )


def recent_changes(*, model_label: str | None = None, user_id: int | None = None, limit: int = 100) -> list[Change]:
    """The latest `limit` changes, newest first, across every audited model (or one of them).

    Each model contributes at most `limit` rows (one query, plus one per changed row for its
    diff), so the page stays bounded however large the history grows.
    """
    models = _history_models()
    chosen = [models[model_label]] if model_label in models else list(models.values())
    streams = (_changes_of(model, limit, user_id) for model in chosen)
    merged = merge(*[sorted(s, key=lambda c: c.when, reverse=True) for s in streams], key=lambda c: c.when, reverse=True)
    return [change for _, change in zip(range(limit), merged)]

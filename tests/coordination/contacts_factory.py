"""Making director contacts in tests: through the service, as a person would."""

import datetime as dt
from zoneinfo import ZoneInfo

from agreement.models import TaskArea
from coordination.services import ActionItemData, contact_create

CPH = ZoneInfo("Europe/Copenhagen")
UTC = dt.UTC


def local(y, m, d, hh=10, mm=0) -> dt.datetime:
    return dt.datetime(y, m, d, hh, mm, tzinfo=CPH)


def make_contact(*, by, participants, when, form="meeting", items=(), **extra):
    """A contact through the service; by default one §4 topic (cluster) was discussed, so that it can count."""
    if "task_areas" not in extra:
        extra["task_areas"] = list(TaskArea.objects.filter(slug="cluster"))
    return contact_create(
        user=by,
        occurred_at=when,
        form=form,
        participants=participants,
        action_items=[ActionItemData(**i) for i in items],
        **extra,
    )


def agreement_loaded(on: dt.datetime) -> None:
    """Pretend the agreement was loaded into the portal at `on` (the monthly rule starts in that month)."""
    from agreement.models import Agreement

    Agreement.objects.update(loaded_at=on)

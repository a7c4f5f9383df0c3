"""Making director contacts in tests: through the service, as a person would."""

import datetime as dt
from zoneinfo import ZoneInfo

from coordination.services import ActionItemData, contact_create

CPH = ZoneInfo("Europe/Copenhagen")
UTC = dt.UTC


def local(y, m, d, hh=10, mm=0) -> dt.datetime:
    return dt.datetime(y, m, d, hh, mm, tzinfo=CPH)


def make_contact(*, by, participants, when, form="meeting", items=(), **extra):
    return contact_create(
        user=by,
        occurred_at=when,
        form=form,
        participants=participants,
        action_items=[ActionItemData(**i) for i in items],
        **extra,
    )

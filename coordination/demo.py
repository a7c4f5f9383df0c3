"""Demo director contacts: a year of monthly coordination (one month missed) with action items, one overdue."""

import datetime as dt

from django.utils import timezone

from agreement.models import Agreement, TaskArea
from portal.dates import add_months, local_midnight, month_start

from .models import DirectorContact
from .monthly import month_record
from .services import ActionItemData, contact_create

MISSED_MONTHS_AGO = 4  # the one month of the past year without a contact, so the strip shows red
TOPICS = [
    ("political", "Forsvarsforlig: fælles høringssvar", "DI FOS skriver udkast; CenSec bidrager med klyngens input."),
    ("cluster", "Innovationsmatchmaking i foråret", "CenSec leder; DI FOS informerer sine medlemmer."),
    ("international", "Eksportfremstød til Norden", "DI FOS leder; CenSec inddrages om klyngeprojekter."),
    ("operational", "Medlemsarrangementer i efteråret", "Koordineres, så datoerne ikke overlapper."),
]


def _meeting_time(month: dt.date) -> dt.datetime:
    """The second Tuesday of the month, 10:00 local time."""
    first_tuesday = month + dt.timedelta(days=(1 - month.weekday()) % 7)
    return local_midnight(first_tuesday + dt.timedelta(days=7)) + dt.timedelta(hours=10)


def seed(*, users) -> None:
    """A contact in each of the last twelve months but one, their month records, and action items (idempotent)."""
    today = timezone.localdate()
    this_month = month_start(today)
    directors = [users["censec-director"], users["difos-director"]]
    areas = {a.slug: a for a in TaskArea.objects.all()}
    # The demo tells of a year of use: the portal (and so the monthly rule) starts with its first month.
    first = local_midnight(add_months(this_month, -12))
    Agreement.objects.filter(loaded_at__gt=first).update(loaded_at=first)
    for months_ago in range(12, 0, -1):
        month = add_months(this_month, -months_ago)
        when = _meeting_time(month)
        if months_ago != MISSED_MONTHS_AGO and not DirectorContact.objects.filter(occurred_at=when).exists():
            slug, topic, decision = TOPICS[months_ago % len(TOPICS)]
            items = [ActionItemData(text=topic, owner=users["censec-secretariat"], due_on=(when + dt.timedelta(days=14)).date(), done=True)]
            if months_ago == 1:
                # Last month's follow-up is still open and past its date: the overdue item on the dashboard.
                due = min(today - dt.timedelta(days=2), (when + dt.timedelta(days=10)).date())
                items = [ActionItemData(text=topic, owner=users["difos-director"], due_on=due)]
            contact_create(
                user=users["censec-secretariat"],
                occurred_at=when,
                form="meeting" if months_ago % 2 else "video",
                participants=[*directors, users["censec-secretariat"]],
                task_areas=[areas[slug]] if slug in areas else [],
                activities_presented=topic,
                decisions=decision,
                action_items=items,
            )
        month_record(month=month)

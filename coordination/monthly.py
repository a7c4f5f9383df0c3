"""The monthly-contact rule (§5 C-MONTHLY): at least one director contact in every calendar month.

Months are calendar months in settings.TIME_ZONE (Europe/Copenhagen): a contact at 23:30 UTC on
30 November is a December contact. Every stage is "due on or after" its day, never "on exactly",
so a day the schedule did not run never means a reminder that was not sent; the unique
(kind, key, recipient) of `portal.notifications` makes each message go out once.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from agreement.selectors import party_staff
from portal.dashboard_cache import dashboard_changed
from portal.dates import add_months, local_midnight, month_end, month_start
from portal.models import RoleKind
from portal.notifications import notify

from .models import DirectorContact, MonthRecord, MonthStatus
from .selectors import counting_contacts

NOTIFICATION_KIND = "contact_month"
WARNING_WORKING_DAYS = 3


def reminder_day(month: dt.date) -> dt.date:
    """The day both directors are reminded if the month has no counting contact yet."""
    return month.replace(day=min(settings.PORTAL_CONTACT_REMINDER_DAY, month_end(month).day))


def warning_day(month: dt.date) -> dt.date:
    """The last warning: the third-last working day (Mon–Fri) of the month, leaving three working days."""
    day, left = month_end(month), WARNING_WORKING_DAYS
    while True:
        if day.weekday() < 5:
            left -= 1
            if left == 0:
                return day
        day -= dt.timedelta(days=1)


def kept_months(first: dt.date, last: dt.date, *, until: dt.datetime) -> set[dt.date]:
    """The months from `first` to `last` (first days) with a counting contact before `until`, in one query."""
    qs = counting_contacts(
        DirectorContact.objects.filter(
            occurred_at__gte=local_midnight(first), occurred_at__lt=min(local_midnight(add_months(last, 1)), until)
        )
    )
    return {d.date() for d in qs.datetimes("occurred_at", "month", tzinfo=timezone.get_default_timezone())}


def month_is_kept(month: dt.date, *, until: dt.datetime) -> bool:
    return bool(kept_months(month, month, until=until))


@dataclass
class CheckResult:
    """What one run of the rule did: the month it recorded (if any) and the notifications it created."""

    recorded: MonthRecord | None = None
    notified: list[str] = field(default_factory=list)


def month_record(*, month: dt.date) -> tuple[MonthRecord, bool]:
    """Record the ended `month` as kept or missed, once (unique month); returns the record and whether it is new."""
    status = MonthStatus.KEPT if month_is_kept(month, until=local_midnight(add_months(month, 1))) else MonthStatus.MISSED
    record, created = MonthRecord.objects.get_or_create(month=month, defaults={"status": status})
    if created:
        dashboard_changed()
    return record, created


def month_record_correct(*, month: dt.date) -> bool:
    """Turn a month recorded as missed into kept once a counting contact in it has been logged late.

    The directors may meet on the 31st and the secretariat log it on the 1st, after the daily run
    recorded the month: the record follows the contacts (the message already sent stays sent).
    """
    if not month_is_kept(month, until=local_midnight(add_months(month, 1))):
        return False
    corrected = MonthRecord.objects.filter(month=month, status=MonthStatus.MISSED).update(status=MonthStatus.KEPT)
    if corrected:
        dashboard_changed()
    return bool(corrected)


def check_contact(*, today: dt.date) -> CheckResult:
    """Apply C-MONTHLY as of `today` (a local date); safe to run any number of times, at once too.

    1. The previous month, once it is over: record it kept or missed (one row per month, unique);
       if missed, tell both directors and both secretariats (key "YYYY-MM:missed").
    2. The current month, if it has no counting contact up to the end of `today`:
       from the reminder day on, remind both directors ("YYYY-MM:reminder");
       from the third-last working day on, warn them a last time ("YYYY-MM:warning").
    3. A contact logged at any point makes step 2 find the month kept: no further reminders.
    Each message is a notification row under a unique constraint, inserted before any email is
    sent, so a repeated, retried or concurrent run adds nothing.
    """
    result = CheckResult()
    month = month_start(today)
    previous = add_months(month, -1)
    contacts_url = reverse("coordination:contacts")

    record, _created = month_record(month=previous)
    result.recorded = record
    if record.status == MonthStatus.MISSED:
        # Notified on every run, not only when the row is new: a run that died between the two
        # steps is completed by the next one, and notify() adds nothing that was already there.
        created = notify(
            recipients=party_staff(),
            kind=NOTIFICATION_KIND,
            key=f"{previous:%Y-%m}:missed",
            template="contact-missed",
            context={"month": previous},
            url=contacts_url,
        )
        result.notified += [f"{n.key} → {n.recipient}" for n in created]

    if month_is_kept(month, until=local_midnight(today + dt.timedelta(days=1))):
        return result
    deadline = month_end(month)
    for stage, due in (("reminder", reminder_day(month)), ("warning", warning_day(month))):
        if today < due:
            continue
        created = notify(
            recipients=party_staff(RoleKind.DIRECTOR),
            kind=NOTIFICATION_KIND,
            key=f"{month:%Y-%m}:{stage}",
            template="contact-reminder",
            context={"month": month, "stage": stage, "deadline": deadline, "days_left": (deadline - today).days + 1},
            url=reverse("coordination:contact-create"),
        )
        result.notified += [f"{n.key} → {n.recipient}" for n in created]
    return result

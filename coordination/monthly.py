"""The monthly-contact rule (§5 C-MONTHLY): there should ("bør") be a director contact in every calendar month,
where the §4 topics are discussed. A "should": the portal reminds, records and escalates; it calls no one in breach.

The rule covers the months from the one the agreement was loaded into the portal (never a month
before the portal existed) until a notice of termination has ended the agreement (§6).

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

from agreement.models import Agreement
from agreement.selectors import AGREEMENT_SLUG, agreement_status, party_staff
from governance.selectors import board_chairs
from portal.dashboard_cache import dashboard_changed
from portal.dates import add_months, local_midnight, month_end, month_start
from portal.models import RoleKind
from portal.notifications import notify

from .models import DirectorContact, MonthRecord, MonthStatus
from .selectors import counting_contacts

NOTIFICATION_KIND = "contact_month"
WARNING_WORKING_DAYS = 3


@dataclass(frozen=True)
class RulePeriod:
    """The months C-MONTHLY covers: from the month the agreement was loaded to the day a notice ends it."""

    first_month: dt.date | None  # None: no agreement loaded, the rule covers nothing
    ends_on: dt.date | None = None  # the end date of a standing notice of termination

    def records(self, month: dt.date) -> bool:
        """Whether `month` is recorded kept or missed: the portal existed then and the agreement was in force all of it."""
        if self.first_month is None or month < self.first_month:
            return False
        return self.ends_on is None or month_end(month) < self.ends_on

    def reminds(self, today: dt.date) -> bool:
        """Whether the directors are reminded on `today`: the rule has started and no notice has ended the agreement."""
        if self.first_month is None or month_start(today) < self.first_month:
            return False
        return not self.ended(today)

    def ended(self, today: dt.date) -> bool:
        return self.ends_on is not None and today >= self.ends_on


def rule_period(*, today: dt.date) -> RulePeriod:
    """The agreement's load month and the end date of a standing notice (two queries)."""
    loaded_at = Agreement.objects.filter(slug=AGREEMENT_SLUG).values_list("loaded_at", flat=True).first()
    if loaded_at is None:
        return RulePeriod(None)
    status = agreement_status(today=today)
    return RulePeriod(month_start(timezone.localtime(loaded_at).date()), status.ends_on)


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

    0. The rule covers the months from the agreement's load month until a notice has ended the
       agreement (`RulePeriod`): a month outside is never recorded, and no one is told about it.
    1. The previous month, once it is over: record it kept or missed (one row per month, unique);
       if missed, tell both directors and both secretariats (key "YYYY-MM:missed").
    2. If the month before it was recorded missed too (a second month in a row), escalate to both
       boards' chairs, once ("YYYY-MM:escalated"); the first missed month is not escalated.
    3. The current month, if it has no counting contact up to the end of `today` and the agreement
       has not ended: from the reminder day on, remind both directors ("YYYY-MM:reminder");
       from the third-last working day on, remind them a last time ("YYYY-MM:warning").
    4. A contact logged at any point makes step 3 find the month kept: no further reminders.
    Each message is a notification row under a unique constraint, inserted before any email is
    sent, so a repeated, retried or concurrent run adds nothing.
    """
    result = CheckResult()
    month = month_start(today)
    previous = add_months(month, -1)
    contacts_url = reverse("coordination:contacts")
    period = rule_period(today=today)

    if period.records(previous):
        result.recorded, _created = month_record(month=previous)
        result.notified += _tell_missed(result.recorded, period=period, today=today, url=contacts_url)

    if not period.reminds(today):
        return result
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


def _tell_missed(record: MonthRecord, *, period: RulePeriod, today: dt.date, url: str) -> list[str]:
    """A missed month: both directors and secretariats are told; a second one in a row goes to both chairs."""
    notified = []
    previous = record.month
    if record.status != MonthStatus.MISSED:
        return notified
    # Notified on every run, not only when the row is new: a run that died between the two
    # steps is completed by the next one, and notify() adds nothing that was already there.
    created = notify(
        recipients=party_staff(),
        kind=NOTIFICATION_KIND,
        key=f"{previous:%Y-%m}:missed",
        template="contact-missed",
        context={"month": previous},
        url=url,
    )
    notified += [f"{n.key} → {n.recipient}" for n in created]
    before = add_months(previous, -1)
    if period.records(before) and MonthRecord.objects.filter(month=before, status=MonthStatus.MISSED).exists():
        created = notify(
            recipients=board_chairs(today=today),
            kind=NOTIFICATION_KIND,
            key=f"{previous:%Y-%m}:escalated",
            template="contact-escalated",
            context={"month": previous, "previous_month": before},
            url=reverse("coordination:months"),
        )
        notified += [f"{n.key} → {n.recipient}" for n in created]
    return notified

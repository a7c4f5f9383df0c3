"""C-MONTHLY (§5) on a frozen clock: reminders on the right days only, months recorded once, each message once."""

import datetime as dt
import io

import pytest
import time_machine
from django.core import mail
from django.core.management import CommandError, call_command

from coordination import monthly
from coordination.models import MonthRecord
from portal.models import Notification

from .contacts_factory import UTC, local, make_contact


def run(today=None):
    out = io.StringIO()
    call_command("check_contact", *(["--today", today.isoformat()] if today else []), stdout=out)
    return out.getvalue()


def keys(**filters):
    return sorted(set(Notification.objects.filter(kind="contact_month", **filters).values_list("key", flat=True)))


@pytest.fixture
def both(censec_director, difos_director):
    return [censec_director, difos_director]


def test_the_last_warning_falls_three_working_days_before_the_month_ends():
    assert monthly.warning_day(dt.date(2026, 11, 1)) == dt.date(2026, 11, 26)  # 30 Nov is a Monday
    assert monthly.warning_day(dt.date(2026, 2, 1)) == dt.date(2026, 2, 25)  # 28 Feb is a Saturday
    assert monthly.warning_day(dt.date(2026, 5, 1)) == dt.date(2026, 5, 27)  # 31 May is a Sunday


def test_the_reminder_day_is_a_setting(settings):
    settings.PORTAL_CONTACT_REMINDER_DAY = 15
    assert monthly.reminder_day(dt.date(2026, 4, 1)) == dt.date(2026, 4, 15)
    settings.PORTAL_CONTACT_REMINDER_DAY = 31
    assert monthly.reminder_day(dt.date(2026, 2, 1)) == dt.date(2026, 2, 28)


def test_it_walks_a_whole_year_sending_on_the_right_days_only(both, censec_director, difos_secretariat, censec_secretariat):
    """Contacts on the 5th, except: none in March, July's without DI FOS's director, September's logged late on the 22nd."""
    contact_days = {m: 5 for m in range(1, 13) if m not in (3, 9)} | {9: 22}
    sent: dict[tuple[dt.date, str], int] = {}
    seen = 0
    with time_machine.travel(local(2026, 1, 1, 7), tick=False) as clock:
        day = dt.date(2026, 1, 1)
        while day <= dt.date(2027, 1, 1):
            clock.move_to(local(day.year, day.month, day.day, 7))
            if day.year == 2026 and contact_days.get(day.month) == day.day:
                people = [censec_director, difos_secretariat] if day.month == 7 else both
                make_contact(by=censec_secretariat, participants=people, when=local(2026, day.month, day.day, 9))
            run()
            for note in Notification.objects.filter(pk__gt=seen).order_by("pk"):
                sent[(day, note.key)] = sent.get((day, note.key), 0) + 1
                seen = note.pk
            day += dt.timedelta(days=1)
    assert sent == {
        (dt.date(2026, 1, 1), "2025-12:missed"): 4,  # both directors and both secretariats
        (dt.date(2026, 3, 20), "2026-03:reminder"): 2,  # both directors
        (dt.date(2026, 3, 27), "2026-03:warning"): 2,
        (dt.date(2026, 4, 1), "2026-03:missed"): 4,
        (dt.date(2026, 7, 20), "2026-07:reminder"): 2,  # July's contact does not count
        (dt.date(2026, 7, 29), "2026-07:warning"): 2,
        (dt.date(2026, 8, 1), "2026-07:missed"): 4,
        (dt.date(2026, 9, 20), "2026-09:reminder"): 2,  # a Sunday: the rule runs every day
    }
    records = dict(MonthRecord.objects.values_list("month", "status"))
    assert records[dt.date(2026, 3, 1)] == records[dt.date(2026, 7, 1)] == "missed"
    assert records[dt.date(2026, 9, 1)] == records[dt.date(2026, 12, 1)] == "kept"
    assert MonthRecord.objects.count() == 13  # December 2025 to December 2026, one row each
    assert len(mail.outbox) == sum(sent.values())


def test_a_contact_logged_late_stops_the_last_warning_at_once(both, censec_secretariat):
    run(dt.date(2026, 11, 20))
    assert keys() == ["2026-10:missed", "2026-11:reminder"]
    make_contact(by=censec_secretariat, participants=both, when=local(2026, 11, 23, 14))
    for day in range(23, 31):
        run(dt.date(2026, 11, day))
    assert keys() == ["2026-10:missed", "2026-11:reminder"]
    run(dt.date(2026, 12, 1))
    assert MonthRecord.objects.get(month=dt.date(2026, 11, 1)).status == "kept"


def test_a_contact_on_the_last_day_logged_the_next_morning_corrects_the_record(both, censec_secretariat):
    run(dt.date(2026, 12, 1))
    assert MonthRecord.objects.get(month=dt.date(2026, 11, 1)).status == "missed"
    make_contact(by=censec_secretariat, participants=both, when=local(2026, 11, 30, 16))
    assert MonthRecord.objects.get(month=dt.date(2026, 11, 1)).status == "kept"
    run(dt.date(2026, 12, 2))
    assert MonthRecord.objects.get(month=dt.date(2026, 11, 1)).status == "kept"


def test_a_missed_run_is_made_up_the_next_time_it_runs(both):
    run(dt.date(2026, 11, 27))  # the schedule was down from the 19th: both stages are due now
    assert keys(key__startswith="2026-11") == ["2026-11:reminder", "2026-11:warning"]
    run(dt.date(2026, 12, 3))  # and down again over the 1st: November is still recorded
    assert MonthRecord.objects.get(month=dt.date(2026, 11, 1)).status == "missed"
    assert "2026-11:missed" in keys()


def test_half_past_eleven_utc_on_30_november_is_already_december_in_copenhagen(both, censec_secretariat):
    make_contact(by=censec_secretariat, participants=both, when=dt.datetime(2026, 11, 30, 23, 30, tzinfo=UTC))
    with time_machine.travel(dt.datetime(2026, 11, 30, 23, 30, tzinfo=UTC), tick=False):
        run()  # localdate() is 1 December: November is over, and it had no contact
    assert MonthRecord.objects.get(month=dt.date(2026, 11, 1)).status == "missed"
    run(dt.date(2026, 12, 29))
    assert not keys(key__startswith="2026-12")


def test_the_last_minute_of_a_month_in_copenhagen_still_counts_for_it(both, censec_secretariat):
    make_contact(by=censec_secretariat, participants=both, when=dt.datetime(2026, 10, 31, 22, 59, tzinfo=UTC))
    run(dt.date(2026, 11, 1))
    assert MonthRecord.objects.get(month=dt.date(2026, 10, 1)).status == "kept"


@pytest.mark.parametrize(
    "utc, month",
    [
        # Summer time starts on 29 March 2026 (last Sunday): Copenhagen is UTC+2 at the end of March.
        (dt.datetime(2026, 3, 31, 21, 30, tzinfo=UTC), dt.date(2026, 3, 1)),
        (dt.datetime(2026, 3, 31, 22, 30, tzinfo=UTC), dt.date(2026, 4, 1)),
        # The switch night itself: 01:30 UTC on 29 March is 03:30 CEST, still March.
        (dt.datetime(2026, 3, 29, 1, 30, tzinfo=UTC), dt.date(2026, 3, 1)),
        # Summer time ends on 25 October 2026: UTC+1 again by the end of October.
        (dt.datetime(2026, 10, 31, 22, 30, tzinfo=UTC), dt.date(2026, 10, 1)),
        (dt.datetime(2026, 10, 31, 23, 30, tzinfo=UTC), dt.date(2026, 11, 1)),
        # The repeated hour on 25 October (02:00–03:00 local twice) is October whichever it is.
        (dt.datetime(2026, 10, 25, 0, 30, tzinfo=UTC), dt.date(2026, 10, 1)),
        (dt.datetime(2026, 10, 25, 1, 30, tzinfo=UTC), dt.date(2026, 10, 1)),
    ],
)
def test_months_are_calendar_months_in_copenhagen_across_daylight_saving(both, censec_secretariat, utc, month):
    make_contact(by=censec_secretariat, participants=both, when=utc)
    until = dt.datetime(2027, 1, 1, tzinfo=UTC)
    assert monthly.kept_months(dt.date(2026, 1, 1), dt.date(2026, 12, 1), until=until) == {month}


def test_the_daily_run_goes_by_the_local_date_around_midnight(both):
    with time_machine.travel(dt.datetime(2026, 3, 19, 22, 59, tzinfo=UTC), tick=False):  # 23:59 on 19 March, CET
        run()
    assert keys(key__startswith="2026-03") == []
    with time_machine.travel(dt.datetime(2026, 3, 19, 23, 0, tzinfo=UTC), tick=False):  # 00:00 on 20 March
        run()
    assert keys(key__startswith="2026-03") == ["2026-03:reminder"]


def test_the_first_run_in_summer_time_after_the_month_ends_records_it(both):
    # 22:30 UTC on 31 March is 00:30 on 1 April in summer time (it would still be March in winter time).
    with time_machine.travel(dt.datetime(2026, 3, 31, 22, 30, tzinfo=UTC), tick=False):
        run()
    assert MonthRecord.objects.filter(month=dt.date(2026, 3, 1), status="missed").exists()
    # 22:30 UTC on 31 October is 23:30 local in winter time: October is not over yet.
    with time_machine.travel(dt.datetime(2026, 10, 31, 22, 30, tzinfo=UTC), tick=False):
        run()
    assert not MonthRecord.objects.filter(month=dt.date(2026, 10, 1)).exists()


def test_a_contact_without_a_director_of_each_party_does_not_count(
    censec_director, censec_secretariat, difos_secretariat, difos_director
):
    make_contact(by=censec_secretariat, participants=[censec_director, difos_secretariat], when=local(2026, 11, 3))
    make_contact(by=difos_secretariat, participants=[difos_director, censec_secretariat], when=local(2026, 11, 4))
    run(dt.date(2026, 11, 20))
    assert keys(key__startswith="2026-11") == ["2026-11:reminder"]


def test_a_kept_month_sends_nothing(both, censec_director):
    make_contact(by=censec_director, participants=both, when=local(2026, 10, 2))
    make_contact(by=censec_director, participants=both, when=local(2026, 11, 2))
    for day in range(1, 31):
        run(dt.date(2026, 11, day))
    assert Notification.objects.count() == 0
    assert mail.outbox == []


def test_a_repeated_run_sends_each_message_exactly_once(both, censec_secretariat, difos_secretariat):
    for _ in range(3):
        run(dt.date(2026, 11, 26))
    assert sorted(Notification.objects.values_list("key", flat=True)) == sorted(
        ["2026-10:missed"] * 4 + ["2026-11:reminder"] * 2 + ["2026-11:warning"] * 2
    )
    # One run, one email per person: each director's three messages come as one.
    assert sorted(m.to[0] for m in mail.outbox) == sorted(u.email for u in [*both, censec_secretariat, difos_secretariat])
    assert all("oktober" in m.body.lower() for m in mail.outbox)
    assert all("3 beskeder" in m.subject for m in mail.outbox if m.to[0] in {u.email for u in both})
    assert MonthRecord.objects.count() == 1


def test_the_messages_are_in_danish_and_link_to_the_log(both):
    make_contact(by=both[0], participants=both, when=local(2026, 10, 2))  # October kept: the reminder comes alone
    run(dt.date(2026, 11, 20))
    reminder = next(m for m in mail.outbox if "påmind" in m.subject.lower())
    assert "november 2026" in reminder.subject.lower()
    assert "/governance/contacts/new/" in reminder.body
    assert Notification.objects.filter(key="2026-11:reminder").first().url == "/governance/contacts/new/"


def test_the_command_refuses_a_date_it_cannot_read(db):
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("check_contact", "--today", "20-11-2026")
    assert not MonthRecord.objects.exists()

"""No floods (issue 14): a sweep that raises many findings sends each person one email, at once or in the daily digest.

Before, every finding was one email to each of the four people it concerns: a first sweep over a
large plan set sent thousands. Now a run's messages of one kind to one person are one email, and
findings come in the daily digest unless the person chose otherwise.
"""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail

from activities.tasks import full_sweep_task, notify_findings_task
from portal import notifications
from portal.celery import app
from portal.models import Notification, OutgoingEmail

FINDINGS = 30


def local(y, m, d, hh, mm):
    return dt.datetime(y, m, d, hh, mm, tzinfo=ZoneInfo("Europe/Copenhagen"))


@pytest.fixture
def eager():
    """Queued tasks run at once, as a fast worker would run them mid-sweep."""
    before = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = before


@pytest.fixture
def briefings(add_activity):
    """CenSec plans thirty ministerial briefings: each conflicts with 1.1 (DI FOS leads), one finding each."""
    return [
        add_activity("censec", title=f"Ministerbriefing nr. {i}", area="political", row="1.1", start=dt.date(2027, 3, 1) + dt.timedelta(days=i))
        for i in range(FINDINGS)
    ]


def sweep(capture):
    with capture(execute=True):
        full_sweep_task.run()
        return notify_findings_task.run()


def emails_to(user):
    return [m for m in mail.outbox if m.to == [user.email]]


STAFF = ["censec-secretariat", "censec-director", "difos-secretariat", "difos-director"]


def test_a_sweep_with_many_findings_sends_a_user_who_wants_them_at_once_one_email(
    briefings, demo_users, eager, django_capture_on_commit_callbacks
):
    director = demo_users["difos-director"]
    notifications.preferences_update(user=director, choices={"activity_finding": "immediate"})
    assert sweep(django_capture_on_commit_callbacks) == FINDINGS
    assert Notification.objects.filter(recipient=director, kind="activity_finding").count() == FINDINGS
    (message,) = emails_to(director)  # delivered by the queued task at the end of the run, not once per finding
    assert f"{FINDINGS} beskeder" in message.subject
    assert all(f"Ministerbriefing nr. {i}" in message.body for i in range(FINDINGS))
    assert message.alternatives and "Ministerbriefing nr. 29" in message.alternatives[0][0]
    for username in set(STAFF) - {"difos-director"}:  # the default for findings: the daily digest
        assert emails_to(demo_users[username]) == []


def test_a_digest_user_gets_one_email_at_the_next_digest_run_not_earlier(briefings, demo_users, django_capture_on_commit_callbacks):
    with time_machine.travel(local(2026, 12, 2, 15, 0), tick=False):
        assert sweep(django_capture_on_commit_callbacks) == FINDINGS
        assert notifications.deliver_pending() == 0
    with time_machine.travel(local(2026, 12, 3, 6, 59), tick=False):
        assert notifications.deliver_pending() == 0
    assert mail.outbox == []
    with time_machine.travel(local(2026, 12, 3, 7, 0), tick=False):
        assert notifications.deliver_pending() == 4
        assert notifications.deliver_pending() == 0
    assert sorted(m.to[0] for m in mail.outbox) == sorted(demo_users[u].email for u in STAFF)
    message = emails_to(demo_users["censec-director"])[0]
    assert message.subject == f"Daglig oversigt: {FINDINGS} beskeder"
    assert all(f"Ministerbriefing nr. {i}" in message.body for i in range(FINDINGS))
    assert set(OutgoingEmail.objects.values_list("batch", flat=True)) == {"digest:2026-12-03"}


def test_repeated_sweeps_and_deliveries_send_each_message_exactly_once(briefings, demo_users, django_capture_on_commit_callbacks):
    notifications.preferences_update(user=demo_users["censec-director"], choices={"activity_finding": "immediate"})
    with time_machine.travel(local(2026, 12, 2, 15, 0), tick=False):
        assert sweep(django_capture_on_commit_callbacks) == FINDINGS
        for _ in range(3):
            assert sweep(django_capture_on_commit_callbacks) == 0
            notifications.deliver_pending()
    for day in (3, 4):
        with time_machine.travel(local(2026, 12, day, 7, 0), tick=False):
            for _ in range(3):
                notifications.deliver_pending()
    assert len(mail.outbox) == 4 and len({m.to[0] for m in mail.outbox}) == 4
    assert Notification.objects.filter(kind="activity_finding").count() == 4 * FINDINGS
    assert set(Notification.objects.values_list("email_status", flat=True)) == {"sent"}


def test_switching_to_immediate_sends_what_waits_for_the_digest(briefings, demo_users, django_capture_on_commit_callbacks):
    secretary = demo_users["censec-secretariat"]
    with time_machine.travel(local(2026, 12, 2, 15, 0), tick=False):
        sweep(django_capture_on_commit_callbacks)
        assert notifications.deliver_pending() == 0
        notifications.preferences_update(user=secretary, choices={"activity_finding": "immediate"})
        assert notifications.deliver_pending() == 1
    (message,) = emails_to(secretary)
    assert f"{FINDINGS} beskeder" in message.subject

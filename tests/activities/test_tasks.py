"""Checks run after commit, survive a missing broker, and tell people once."""

import datetime as dt
from unittest import mock

from django.core import mail
from django.utils import timezone
from kombu.exceptions import OperationalError

from activities.models import Activity, Finding
from activities.services.findings import check_pending, sweep_pending
from activities.tasks import check_activity_task, full_sweep_task, notify_findings_task, sweep_pending_task
from portal.celery import app
from portal.models import Notification
from portal.notifications import deliver_pending, next_digest_at


def test_it_enqueues_the_check_of_a_saved_activity_on_commit(add_activity, django_capture_on_commit_callbacks):
    with mock.patch.object(check_activity_task, "apply_async") as apply_async:
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            activity = add_activity("censec", title="A")
        apply_async.assert_not_called()  # nothing before the commit
        for callback in callbacks:
            callback()
    apply_async.assert_called_once_with(args=(activity.pk,), kwargs={}, retry=False)


def test_a_save_while_the_broker_is_down_succeeds_and_the_sweep_checks_it(add_activity, django_capture_on_commit_callbacks):
    with mock.patch.object(check_activity_task, "apply_async", side_effect=OperationalError("connection refused")):
        with django_capture_on_commit_callbacks(execute=True):
            activity = add_activity("censec", title="Briefing", area="political", row="1.1")
    activity.refresh_from_db()
    assert activity.needs_check and not Finding.objects.exists()
    assert sweep_pending() == 1
    activity.refresh_from_db()
    assert not activity.needs_check and Finding.objects.get().rule == "1.1"
    assert sweep_pending() == 0


def test_a_repeated_task_checks_once(add_activity):
    activity = add_activity("censec", title="Briefing", area="political", row="1.1")
    assert check_activity_task.run(activity.pk) is True
    assert check_activity_task.run(activity.pk) is False
    assert check_activity_task.run(987654) is False
    assert Finding.objects.count() == 1


def test_a_failed_check_stays_pending(add_activity):
    activity = add_activity("censec", title="A")
    with mock.patch("activities.services.findings.check_activity", side_effect=RuntimeError("boom")):
        try:
            check_pending(activity.pk)
        except RuntimeError:
            pass
    activity.refresh_from_db()
    assert activity.needs_check


def test_new_findings_tell_both_secretariats_and_directors_once(add_activity, demo_users, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        activity = add_activity("censec", title="Møde med Lockheed Martin", area="international", counterparts="Lockheed Martin")
    with django_capture_on_commit_callbacks(execute=True):
        check_pending(activity.pk)
    with django_capture_on_commit_callbacks(execute=True):
        full_sweep_task.run()
    assert notify_findings_task.run() == 1
    assert notify_findings_task.run() == 0  # told once, however often the task runs
    notes = Notification.objects.filter(kind="activity_finding")
    assert sorted(n.recipient.username for n in notes) == [
        "censec-director", "censec-secretariat", "difos-director", "difos-secretariat",
    ]
    assert deliver_pending() == 0  # findings come in the daily digest by default
    assert deliver_pending(now=next_digest_at(timezone.now())) == 4
    assert len(mail.outbox) == 4
    assert "Lockheed Martin" in mail.outbox[0].body and "3.1" in mail.outbox[0].subject


def test_a_finding_whose_message_failed_is_told_on_the_next_run(add_activity):
    activity = add_activity("censec", title="Briefing", area="political", row="1.1")
    check_pending(activity.pk)
    with mock.patch("portal.notifications.notify", side_effect=RuntimeError("template missing")):
        assert notify_findings_task.run() == 0
    assert Finding.objects.get().notified_at is None
    assert sweep_pending_task.run() == 0 and Finding.objects.get().notified_at is not None
    assert Notification.objects.filter(kind="activity_finding").count() == 4


def test_the_sweep_task_and_the_beat_schedule(add_activity):
    add_activity("censec", title="A", start=dt.date(2027, 3, 1))
    assert sweep_pending_task.run() == 1
    schedule = app.conf.beat_schedule
    assert schedule["activities-sweep-pending"]["task"] == "activities.tasks.sweep_pending_task"
    assert schedule["activities-sweep-pending"]["options"]["expires"] < schedule["activities-sweep-pending"]["schedule"]
    assert schedule["activities-full-sweep"]["task"] == "activities.tasks.full_sweep_task"
    assert not Activity.objects.filter(needs_check=True).exists()

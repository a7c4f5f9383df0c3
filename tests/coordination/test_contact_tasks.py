"""The Celery side of §5: thin retried tasks, the beat schedule in code, action-item reminders once per stage."""

import datetime as dt

import pytest
from celery.schedules import crontab
from django.core import mail

from coordination import tasks
from coordination.services import action_items_remind
from portal.celery import app
from portal.models import Notification

from .contacts_factory import local, make_contact

DAY = 24 * 3600


@pytest.mark.parametrize("name, task", [("check-contact", "coordination.tasks.check_contact"), ("remind-action-items", "coordination.tasks.remind_action_items")])
def test_beat_runs_it_daily_and_a_late_run_expires_before_the_next(name, task):
    entry = app.conf.beat_schedule[name]
    assert entry["task"] == task and task in app.tasks
    assert isinstance(entry["schedule"], crontab)
    assert 0 < entry["options"]["expires"] < DAY


@pytest.mark.parametrize("task", [tasks.check_contact, tasks.remind_action_items])
def test_tasks_are_retried_with_backoff_and_jitter(task):
    assert task.autoretry_for == (Exception,) and task.retry_backoff and task.retry_jitter


def test_the_check_contact_task_records_reminds_and_sends(censec_director, difos_director):
    assert tasks.check_contact.apply(kwargs={"today": "2026-11-20"}).get() == 6  # 4 "missed", 2 reminders
    assert tasks.check_contact.apply(kwargs={"today": "2026-11-20"}).get() == 0
    # One email per person: each director's "October missed" and "November reminder" come together.
    assert len(mail.outbox) == 4 and len({m.to[0] for m in mail.outbox}) == 4


@pytest.fixture
def items(censec_director, difos_director, censec_secretariat):
    contact = make_contact(
        by=censec_secretariat,
        participants=[censec_director, difos_director],
        when=local(2026, 11, 2),
        items=[
            {"text": "Send udkast", "owner": difos_director, "due_on": dt.date(2026, 11, 20)},
            {"text": "Allerede gjort", "owner": censec_director, "due_on": dt.date(2026, 11, 20), "done": True},
        ],
    )
    return contact.action_items.order_by("pk")


def sent_on(day):
    before = set(Notification.objects.values_list("pk", flat=True))
    action_items_remind(today=day)
    return sorted(Notification.objects.exclude(pk__in=before).values_list("key", "recipient__username"))


def test_action_item_owners_are_reminded_once_when_due_soon_and_once_when_overdue(items):
    open_item = items[0]
    assert sent_on(dt.date(2026, 11, 16)) == []
    assert sent_on(dt.date(2026, 11, 17)) == [(f"{open_item.pk}:due_soon", "difos-director")]
    assert sent_on(dt.date(2026, 11, 18)) == sent_on(dt.date(2026, 11, 20)) == []
    assert sent_on(dt.date(2026, 11, 21)) == [(f"{open_item.pk}:overdue", "difos-director")]
    assert sent_on(dt.date(2026, 11, 28)) == []


def test_a_done_item_is_not_reminded(items, difos_director):
    item = items[0]
    item.done = True
    item.save(update_fields=["done"])
    assert sent_on(dt.date(2026, 11, 25)) == []


def test_the_action_item_task_sends_the_email(items):
    assert tasks.remind_action_items.apply(kwargs={"today": "2026-11-25"}).get() == 1
    (message,) = mail.outbox
    assert "Send udkast" in message.subject and message.to == ["henrik.dahl@di.example"]

"""Celery tasks of the coordination app: thin, idempotent wrappers around the monthly rule and the reminders."""

import datetime as dt

from celery import shared_task
from django.utils import timezone

from portal.notifications import batch, deliver_pending

from . import monthly, services


def _day(today: str | None) -> dt.date:
    return dt.date.fromisoformat(today) if today else timezone.localdate()


@shared_task(autoretry_for=(Exception,), retry_backoff=True, retry_jitter=True, max_retries=5)
def check_contact(today: str | None = None) -> int:
    """C-MONTHLY as of `today` (ISO date; default today): record, remind, then send what is pending."""
    with batch():
        result = monthly.check_contact(today=_day(today))
    deliver_pending()
    return len(result.notified)


@shared_task(autoretry_for=(Exception,), retry_backoff=True, retry_jitter=True, max_retries=5)
def remind_action_items(today: str | None = None) -> int:
    """Due-soon and overdue reminders to action items' owners, then send what is pending."""
    with batch():
        sent = services.action_items_remind(today=_day(today))
    deliver_pending()
    return len(sent)

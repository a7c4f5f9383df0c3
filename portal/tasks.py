"""Celery tasks of the portal app: thin wrappers around portal.notifications."""

from celery import shared_task

from . import notifications, once


@shared_task(autoretry_for=(Exception,), retry_backoff=True, retry_jitter=True, max_retries=5)
def deliver_pending_notifications() -> int:
    return notifications.deliver_pending()


@shared_task
def prune_spent_tokens() -> int:
    return once.prune()

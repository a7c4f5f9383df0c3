"""Celery tasks of the governance app: thin, idempotent wrappers around the services."""

from celery import shared_task

from . import services


@shared_task(autoretry_for=(Exception,), retry_backoff=True, retry_jitter=True, max_retries=5)
def sync_seats() -> int:
    """Hourly: seats whose term ended lose their access; seats whose term began get it (§3 G2)."""
    return services.seats_sync()

"""Celery tasks of the activities app: thin wrappers; the database row says what is due."""

from celery import shared_task

from portal import notifications

from .services import analysis, findings


@shared_task(autoretry_for=(Exception,), retry_backoff=True, retry_jitter=True, max_retries=5)
def check_activity_task(activity_id: int) -> bool:
    """Check one saved activity, unless another worker or the sweep already did."""
    return findings.check_pending(activity_id)


@shared_task(autoretry_for=(Exception,), retry_backoff=True, retry_jitter=True, max_retries=3)
def sweep_pending_task() -> int:
    """Check every activity whose check the broker never delivered, and tell of any finding not yet told."""
    checked = findings.sweep_pending()
    _notify_all()
    return checked


@shared_task(autoretry_for=(Exception,), retry_backoff=True, retry_jitter=True, max_retries=5)
def notify_findings_task() -> int:
    """Tell the parties of new findings."""
    return _notify_all()


def _notify_all() -> int:
    """Every finding not yet told, as one run: each person gets one email for all of them (or their digest)."""
    told = 0
    with notifications.batch():
        while told_now := findings.notify_pending_findings():
            told += told_now
    return told


@shared_task(autoretry_for=(Exception,), retry_backoff=True, retry_jitter=True, max_retries=3)
def full_sweep_task() -> int:
    """The nightly full sweep over every plan, after reading every activity again (the thesaurus may have grown)."""
    analysis.activities_reanalyse()
    return len(findings.check_all().created)


@shared_task(autoretry_for=(Exception,), retry_backoff=True, retry_jitter=True, max_retries=3)
def reanalyse_task() -> int:
    """After the thesaurus changed: read every activity again, then the full sweep."""
    changed = analysis.activities_reanalyse()
    findings.check_all()
    return changed

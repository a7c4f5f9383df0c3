"""Sending work to the Celery worker without ever letting the broker fail a save.

The database row that says "this needs doing" is the truth; the message is only a nudge. If the
broker is down or slow the nudge is dropped (after a short timeout) and the periodic sweep finds
the row instead.
"""

import logging

from django.db import transaction

logger = logging.getLogger(__name__)


def send_now(task, *args, **kwargs) -> bool:
    """Publish `task` at once; False (and a warning in the log) if the broker could not take it."""
    try:
        task.apply_async(args=args, kwargs=kwargs, retry=False)
    except Exception as exc:  # any broker error: connection refused, timeout, DNS, …
        logger.warning("Could not queue %s (%s); the next sweep will pick the work up.", task.name, exc)
        return False
    return True


def enqueue_on_commit(task, *args, **kwargs) -> None:
    """Publish `task` after the current transaction commits (never for work that was rolled back)."""
    transaction.on_commit(lambda: send_now(task, *args, **kwargs))

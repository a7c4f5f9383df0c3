"""One generation counter for everything the dashboard caches.

Services that change what the dashboard counts (activities, findings, plans, seats, meetings,
contacts, action items, notices) call `dashboard_changed()`; the dashboard builds its cache keys
with `dashboard_generation()`, so a change makes every cached figure stale at once. A cache that
is down never fails a save: the figures are then simply recomputed.
"""

import logging

from django.core.cache import cache
from django.db import transaction

logger = logging.getLogger(__name__)
KEY = "portal:dashboard:generation"


def dashboard_generation() -> int:
    try:
        return cache.get_or_set(KEY, 1)
    except Exception:  # cache unreachable: behave as if nothing were cached
        logger.warning("Cache unavailable; the dashboard is computed without it.")
        return 0


def _bump() -> None:
    try:
        cache.incr(KEY)
    except ValueError:
        cache.set(KEY, 2)
    except Exception:
        logger.warning("Cache unavailable; could not mark the dashboard stale.")


def dashboard_changed() -> None:
    """Mark every cached dashboard figure stale once the current transaction commits."""
    transaction.on_commit(_bump)

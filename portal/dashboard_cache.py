"""One generation counter for everything the dashboard caches.

Services that change what the dashboard counts (activities, findings, plans, seats, meetings,
contacts, action items, notices) call `dashboard_changed()`; the dashboard builds its cache keys
with `dashboard_generation()`, so a change makes every cached figure stale at once. A cache that
is down never fails a save (portal.cache.ResilientRedisCache): the figures are then recomputed.
"""

from django.core.cache import cache
from django.db import transaction

KEY = "portal:dashboard:generation"


def dashboard_generation() -> int:
    return cache.get_or_set(KEY, 1) or 0


def _bump() -> None:
    try:
        cache.incr(KEY)
    except ValueError:  # the counter was evicted (or never set): start a new generation
        cache.set(KEY, 2)


def dashboard_changed() -> None:
    """Mark every cached dashboard figure stale once the current transaction commits."""
    transaction.on_commit(_bump)

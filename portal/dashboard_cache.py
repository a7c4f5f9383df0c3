"""One generation counter for everything the dashboard caches.

Services that change what the dashboard counts (activities, findings, plans, seats, meetings,
contacts, action items, notices) call `dashboard_changed()`; the dashboard builds its cache keys
with `dashboard_generation()`, so a change makes every cached figure stale at once. A cache that
is down never fails a save (portal.cache.ResilientRedisCache): the figures are then recomputed.
"""

from functools import partial

from django.db import transaction

from .generations import bump, generation

KEY = "portal:dashboard:generation"


def dashboard_generation() -> int:
    return generation(KEY)


_bump = partial(bump, KEY)


def dashboard_changed() -> None:
    """Mark every cached dashboard figure stale once the current transaction commits."""
    transaction.on_commit(_bump)

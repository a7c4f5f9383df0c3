"""One generation counter for what the members pages cache (the visible activities and their feeds).

Services that change something the members pages show call `public_changed()`; the members app
builds its cache keys with `public_generation()`, so one change makes every cached list, calendar
and feed stale at once. A cache that is down never fails a save: the pages are then built afresh.
"""

from functools import partial

from django.db import transaction

from .generations import bump, generation

KEY = "portal:public:generation"


def public_generation() -> int:
    return generation(KEY)


_bump = partial(bump, KEY)


def public_changed() -> None:
    """Mark every cached members page stale now and again once the current transaction commits.

    Twice, because a page built between the two from data not yet committed would otherwise stay
    in the cache under the new generation.
    """
    _bump()
    transaction.on_commit(_bump)

"""Generation counters: one cache key whose number is part of every key of a family of cached things.

Bumping the counter makes the whole family stale at once, without finding its keys. A cache that is
down never fails a save (portal.cache.ResilientRedisCache): the things are then built afresh.
"""

from django.core.cache import cache


def generation(key: str) -> int:
    return cache.get_or_set(key, 1) or 0


def bump(key: str) -> None:
    try:
        cache.incr(key)
    except ValueError:  # the counter was evicted (or never set): start a new generation
        cache.set(key, 2)

"""A Redis cache that degrades to "no cache" when Redis is down, instead of failing the page.

Everything the portal caches can be recomputed from the database; a Redis outage must cost speed,
never a page. (Django's own RedisCache raises on a lost connection.)

After a failure the cache leaves that Redis alone for `retry_after` seconds (an OPTIONS entry,
default 30): a Redis that hangs instead of refusing would otherwise cost its socket timeout on
every cache call of every page, and a dashboard makes a dozen.
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)


class ResilientRedisCache(RedisCache):
    # Until when each server (by LOCATION) is left alone: shared by every instance in the process.
    _down_until: dict[str, float] = {}

    def __init__(self, server, params):
        options = dict(params.get("OPTIONS", {}))
        self.retry_after = options.pop("retry_after", 30)
        super().__init__(server, {**params, "OPTIONS": options})
        self._location = ",".join(self._servers)

    def _quietly(self, operation, fallback, *args, **kwargs):
        if time.monotonic() < self._down_until.get(self._location, 0):
            return fallback
        try:
            return operation(*args, **kwargs)
        except RedisError as exc:
            self._down_until[self._location] = time.monotonic() + self.retry_after
            logger.warning("Cache unavailable (%s); carrying on without it for %s s.", exc.__class__.__name__, self.retry_after)
            return fallback

    def get(self, key, default=None, version=None):
        return self._quietly(super().get, default, key, default, version)

    def get_many(self, keys, version=None):
        return self._quietly(super().get_many, {}, keys, version)

    def has_key(self, key, version=None):
        return self._quietly(super().has_key, False, key, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._quietly(super().add, False, key, value, timeout, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._quietly(super().set, None, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._quietly(super().set_many, list(data), data, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._quietly(super().touch, False, key, timeout, version)

    def delete(self, key, version=None):
        return self._quietly(super().delete, False, key, version)

    def delete_many(self, keys, version=None):
        return self._quietly(super().delete_many, None, keys, version)

    def incr(self, key, delta=1, version=None):
        # A missing key still raises ValueError, as Django's contract says; only outages are swallowed.
        return self._quietly(super().incr, 0, key, delta, version)

    def clear(self):
        return self._quietly(super().clear, False)

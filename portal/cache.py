"""A Redis cache that degrades to "no cache" when Redis is down, instead of failing the page.

Everything the portal caches can be recomputed from the database; a Redis outage must cost speed,
never a page. (Django's own RedisCache raises on a lost connection.)

A Redis that hangs rather than refuses would cost a socket timeout on every cache call of a page (a
dashboard took 17 s). So after a failure the cache leaves Redis alone for `retry_after` seconds
(OPTIONS, default 5), answering "not cached" at once; the first call after that tries Redis again.
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)
# Per Redis location, shared by every thread's cache instance: when Redis may next be tried.
_resting_until: dict[str, float] = {}


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        options = dict(params.get("OPTIONS", {}))
        self.retry_after = float(options.pop("retry_after", 5))
        super().__init__(server, {**params, "OPTIONS": options})
        self._location = repr(self._servers)

    def _quietly(self, operation, fallback, *args, **kwargs):
        if time.monotonic() < _resting_until.get(self._location, 0):
            return fallback
        try:
            return operation(*args, **kwargs)
        except RedisError as exc:
            _resting_until[self._location] = time.monotonic() + self.retry_after
            logger.warning("Cache unavailable (%s); carrying on without it.", exc.__class__.__name__)
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

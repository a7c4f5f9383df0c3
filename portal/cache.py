"""A Redis cache that degrades to "no cache" when Redis is down, instead of failing the page.

Everything the portal caches can be recomputed from the database; a Redis outage must cost speed,
never a page. (Django's own RedisCache raises on a lost connection.)
"""

import logging

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)


class ResilientRedisCache(RedisCache):
    def _quietly(self, operation, fallback, *args, **kwargs):
        try:
            return operation(*args, **kwargs)
        except RedisError as exc:
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

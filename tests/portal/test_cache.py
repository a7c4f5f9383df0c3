"""With Redis down the cache answers "nothing cached" instead of failing the page."""

from portal.cache import ResilientRedisCache


def dead_cache():
    return ResilientRedisCache("redis://127.0.0.1:1/0", {"OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2}})


def test_a_dead_redis_is_a_cache_miss():
    cache = dead_cache()
    assert cache.get("k", "fallback") == "fallback"
    assert cache.get_or_set("k", 7) == 7
    assert cache.set("k", 1) is None
    assert cache.add("k", 1) is False
    assert cache.get_many(["a", "b"]) == {}
    assert cache.delete("k") is False
    assert cache.incr("k") == 0


def test_pages_work_while_the_cache_is_down(client_for, censec_director, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "portal.cache.ResilientRedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    from django.core.cache import cache

    assert cache.get_or_set("probe", "computed") == "computed"  # really the dead one
    client = client_for(censec_director)
    for path in ("/", "/agreement/", "/agreement/matrix/", "/agreement/lookup/?q=EDF"):
        assert client.get(path).status_code == 200, path

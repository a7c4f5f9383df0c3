"""With Redis down the cache answers "nothing cached" instead of failing the page."""

from portal.cache import ResilientRedisCache


def dead_cache(retry_after=0):
    return ResilientRedisCache(
        "redis://127.0.0.1:1/0",
        {"OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2, "retry_after": retry_after}},
    )


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


def test_a_redis_that_hangs_costs_one_timeout_then_is_left_alone(monkeypatch):
    """A server that accepts connections and never answers: the first call waits its 0.2 s timeout,
    the calls after it answer at once until retry_after has passed."""
    import socket
    import time

    import portal.cache

    monkeypatch.setattr(portal.cache, "_resting_until", {})
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(16)  # the kernel completes the handshake; nobody ever reads or writes
    try:
        cache = ResilientRedisCache(
            f"redis://127.0.0.1:{silent.getsockname()[1]}/0",
            {"OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2, "retry_after": 30}},
        )
        started = time.monotonic()
        assert cache.get("k", "miss") == "miss"
        first = time.monotonic() - started
        started = time.monotonic()
        for _ in range(20):
            assert cache.get("k", "miss") == "miss"
            cache.set("k", 1)
        rest = time.monotonic() - started
    finally:
        silent.close()
    assert 0.15 < first < 2
    assert rest < 0.05

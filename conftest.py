"""Environment for the test suite, set before Django's settings load."""

import os
import tempfile

os.environ.setdefault("DEBUG", "1")
# Playwright's sync API runs an event loop in the test thread; Django must still allow ORM calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
os.environ.setdefault("CACHE_URL", "locmemcache://tests")
os.environ.setdefault("MEDIA_ROOT", tempfile.mkdtemp(prefix="portal-media-"))
os.environ.setdefault("EMAIL_URL", "consolemail://")
if not os.environ.get("REDIS_URL"):
    # No broker in the plain run: messages go to kombu's in-memory transport and vanish.
    os.environ.setdefault("PORTAL_BROKER_URL", "memory://")

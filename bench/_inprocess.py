"""The environment of a bench that runs the portal's code in its own process (no server).

A throw-away SQLite database in a temporary directory (or BENCH_DATABASE_URL), never the project's
own; an in-memory cache and broker; Django set up. Import it before anything of the portal.
"""

import os
import sys
import tempfile
from pathlib import Path


def django_setup(*, email_url: str) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    work = tempfile.mkdtemp(prefix="portal-bench-")
    os.environ["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{work}/bench.sqlite3")
    os.environ.setdefault("DEBUG", "1")
    os.environ["CACHE_URL"] = "locmemcache://bench"
    os.environ["PORTAL_BROKER_URL"] = "memory://"
    os.environ.pop("REDIS_URL", None)
    os.environ["EMAIL_URL"] = email_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    os.environ["LOG_LEVEL"] = "ERROR"

    import django

    django.setup()

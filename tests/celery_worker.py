"""A real Celery worker in a subprocess, against Redis and the test database (which must be PostgreSQL).

Shared by the tests that need a worker the test does not control: repeated deliveries, a worker killed.
"""

import os
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from urllib.parse import quote

import pytest
from django.conf import settings
from django.db import connection

from portal.celery import app
from portal.models import Notification

TIMEOUT = 60


def require_services() -> None:
    """Skip (a failure under PORTAL_REQUIRE_SERVICES=1) unless Redis and PostgreSQL are configured."""
    if not settings.REDIS_URL:
        pytest.skip("needs a real broker: set REDIS_URL (CI does)")
    if connection.vendor != "postgresql":
        pytest.skip("the worker must share the test database, which needs PostgreSQL: set DATABASE_URL")


def database_url() -> str:
    """The test database (test_<name>) as a DATABASE_URL, so the worker writes where the test reads."""
    db = connection.settings_dict
    auth = quote(db["USER"] or "") + (f":{quote(db['PASSWORD'])}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@contextmanager
def running_worker(**env: str):
    """`celery -A portal worker --pool=solo` on the test database while the block runs; `env` overrides its environment.

    The worker's log is printed when it stops, so pytest shows it with a failing test.
    """
    env = {**os.environ, "DATABASE_URL": database_url(), "DEBUG": "1", "EMAIL_URL": "memorymail://", **env}
    log = tempfile.NamedTemporaryFile(prefix="celery-worker-", suffix=".log", delete=False)
    process = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "portal", "worker", "--pool=solo", "--loglevel=info",
         "--without-gossip", "--without-mingle", "--without-heartbeat"],
        cwd=settings.BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    try:
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()
        with open(log.name) as fh:
            sys.stdout.write(fh.read()[-5000:])
        os.unlink(log.name)


def wait_until_settled(expected: int) -> None:
    """Until `expected` notifications are emailed and the queue has stayed empty for a while."""
    deadline, quiet_since, sent = time.monotonic() + TIMEOUT, None, 0
    with app.connection_for_write() as conn:
        while time.monotonic() < deadline:
            sent = Notification.objects.filter(email_status="sent").count()
            queued = conn.default_channel.client.llen("celery")
            if sent >= expected and queued == 0:
                quiet_since = quiet_since or time.monotonic()
                if time.monotonic() - quiet_since > 3:
                    return
            else:
                quiet_since = None
            time.sleep(0.3)
    pytest.fail(f"the worker did not settle within {TIMEOUT}s ({sent} of {expected} sent)")

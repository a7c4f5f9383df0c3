"""A real Celery worker, against Redis and the test database, runs check_contact: each message exactly once."""

import os
import subprocess
import sys
import tempfile
import time
from urllib.parse import quote

import pytest
from django.conf import settings
from django.db import connection

from governance import tasks
from governance.models import MonthRecord
from portal.celery import app
from portal.models import Notification

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]
TIMEOUT = 60


def database_url() -> str:
    """The test database (test_<name>) as a DATABASE_URL, so the worker writes where the test reads."""
    db = connection.settings_dict
    auth = quote(db["USER"] or "") + (f":{quote(db['PASSWORD'])}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def worker():
    if not settings.REDIS_URL:
        pytest.skip("needs a real broker: set REDIS_URL (CI does)")
    if connection.vendor != "postgresql":
        pytest.skip("the worker must share the test database, which needs PostgreSQL: set DATABASE_URL")
    app.control.purge()  # leftovers of earlier tests are not this test's messages
    env = {**os.environ, "DATABASE_URL": database_url(), "DEBUG": "1", "EMAIL_URL": "memorymail://"}
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
            sys.stdout.write(fh.read()[-5000:])  # shown by pytest when the test fails
        os.unlink(log.name)


def wait_until_settled(expected: int) -> None:
    """Until `expected` notifications are emailed and the queue has stayed empty for a while."""
    deadline, quiet_since = time.monotonic() + TIMEOUT, None
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


def test_a_real_worker_sends_each_message_exactly_once(worker, censec_director, difos_director, censec_secretariat, difos_secretariat):
    # Beat firing twice and a retry: three deliveries of the same day's task.
    for _ in range(3):
        # Through the portal's app by name: another test may have made a different Celery app current.
        app.send_task(tasks.check_contact.name, kwargs={"today": "2026-11-20"})
    wait_until_settled(6)
    assert worker.poll() is None, "the worker died"
    keys = sorted(Notification.objects.values_list("key", "recipient__username"))
    assert keys == sorted(
        [("2026-10:missed", u) for u in ("censec-director", "difos-director", "censec-secretariat", "difos-secretariat")]
        + [("2026-11:reminder", u) for u in ("censec-director", "difos-director")]
    )
    assert set(Notification.objects.values_list("email_status", "email_attempts")) == {("sent", 1)}
    assert MonthRecord.objects.get().status == "missed"

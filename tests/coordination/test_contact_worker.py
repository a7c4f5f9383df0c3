"""A real Celery worker, against Redis and the test database, runs check_contact: each message exactly once."""

import pytest

from coordination import tasks
from coordination.models import MonthRecord
from portal.celery import app
from portal.models import Notification
from tests.celery_worker import require_services, running_worker, wait_until_settled

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def worker():
    require_services()
    app.control.purge()  # leftovers of earlier tests are not this test's messages
    with running_worker() as process:
        yield process


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

"""C-MONTHLY exactly once when runs overlap: beat firing twice, a retried task and a manual run at the same moment."""

import datetime as dt
import threading

import pytest
from django.core import mail
from django.db import connection

from coordination import monthly
from coordination.models import MonthRecord
from portal.models import Notification
from portal.notifications import deliver_pending

pytestmark = pytest.mark.django_db(transaction=True)
RUNNERS = 4


@pytest.fixture
def postgres():
    if connection.vendor != "postgresql":
        pytest.skip("concurrent runs need a database that takes concurrent writers: set DATABASE_URL to PostgreSQL")


def run_at_once(today: dt.date) -> list[BaseException]:
    """Start RUNNERS threads, each with its own connection, released together into check_contact + delivery."""
    barrier = threading.Barrier(RUNNERS)
    errors: list[BaseException] = []

    def runner():
        try:
            barrier.wait(timeout=10)
            monthly.check_contact(today=today)
            deliver_pending()
        except BaseException as exc:  # collected and re-raised by the test thread
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=runner) for _ in range(RUNNERS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    return errors


def test_concurrent_runs_record_the_month_and_send_each_message_once(
    postgres, censec_director, difos_director, censec_secretariat, difos_secretariat
):
    for day in (20, 26, 26):
        assert run_at_once(dt.date(2026, 11, day)) == []
    assert MonthRecord.objects.filter(month=dt.date(2026, 10, 1)).count() == 1
    assert sorted(Notification.objects.values_list("key", flat=True)) == sorted(
        ["2026-10:missed"] * 4 + ["2026-11:reminder"] * 2 + ["2026-11:warning"] * 2
    )
    # Day 20: one email per person (each director's "missed" and "reminder" together); day 26: the two warnings.
    assert len(mail.outbox) == 6
    assert len({(m.subject, m.to[0]) for m in mail.outbox}) == 6
    assert set(Notification.objects.values_list("email_status", flat=True)) == {"sent"}

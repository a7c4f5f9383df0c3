"""Benchmark of the first full sweep's emails (issue 14, "No floods"): prints the figures; `make bench` runs it.

Uses a throw-away SQLite database (or BENCH_DATABASE_URL), never the project's own. Synthetic plans
(bench/_plan_data.py) large enough for about two thousand findings; the demo users are the four
people each finding concerns (both secretariats and both directors).

1. The full sweep stores the findings; the notification task tells of them as one run.
2. Emails if every message were its own email (the behaviour before), then as sent now: with the
   defaults (findings in the daily digest), and with everyone choosing "at once".
"""

import os
import time

from _inprocess import django_setup  # noqa: E402

django_setup(email_url="dummymail://")


from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from _plan_data import plans_populate  # noqa: E402


def main():
    from activities.models import Finding
    from activities.services.findings import check_all
    from activities.tasks import notify_findings_task
    from agreement import demo
    from portal import notifications
    from portal.models import Notification, NotificationPreference

    users = demo.seed()
    plans_populate(years=range(2000, 2004), per_party_year=1000, seed=7)
    with transaction.atomic():
        check_all()
    findings = Finding.objects.count()
    started = time.perf_counter()
    notify_findings_task.run()
    told = Notification.objects.filter(kind="activity_finding").count()
    print(f"{findings:,} findings, {told:,} notifications ({time.perf_counter() - started:.1f} s to tell); "
          f"database {connection.vendor}")
    print(f"emails, one per message (before):           {told:>6,}")

    now = timezone.now()
    sent_now = notifications.deliver_pending(now=now)
    sent_digest = notifications.deliver_pending(now=notifications.next_digest_at(now))
    print(f"emails now, defaults: at once {sent_now}, at the next digest {sent_digest:>3}  (one per person a day)")

    Notification.objects.update(email_status=Notification.Email.PENDING, email=None, email_digest=False, email_due_at=now)
    NotificationPreference.objects.bulk_create(
        [NotificationPreference(user=u, kind="activity_finding", delivery="immediate") for u in users.values()]
    )
    started = time.perf_counter()
    sent = notifications.deliver_pending(now=now)
    print(f"emails now, everyone 'at once':             {sent:>6,}  (one per person and run; {time.perf_counter() - started:.2f} s)")
    told_users = [u for u in users.values() if Notification.objects.filter(recipient=u).exists()]
    biggest = max(len(notifications._compose(list(Notification.objects.filter(recipient=u, kind="activity_finding")))[1]) for u in told_users)
    print(f"largest email: {biggest / 1024:.0f} KiB of text (at most {notifications.BUNDLE_LIST_MAX} messages listed per kind)")


if __name__ == "__main__":
    call_command("migrate", verbosity=0)
    call_command("load_agreement", verbosity=0, stdout=open(os.devnull, "w"))
    main()

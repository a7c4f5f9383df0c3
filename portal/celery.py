"""The Celery app. The beat schedule lives here, in code, so a fresh clone needs no setup step.

Each entry expires just under its interval: a run that could not start in time is dropped, and
the next one (which does the same, idempotent work) takes over.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

app = Celery("portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

MINUTE = 60
HOUR = 60 * MINUTE
DAY = 24 * HOUR

app.conf.beat_schedule = {
    "deliver-pending-notifications": {
        "task": "portal.tasks.deliver_pending_notifications",
        "schedule": 2 * MINUTE,
        "options": {"expires": 2 * MINUTE - 10},
    },
    "sync-board-seats": {
        "task": "governance.tasks.sync_seats",
        "schedule": HOUR,
        "options": {"expires": HOUR - 60},
    },
}

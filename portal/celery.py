"""The Celery app. The beat schedule lives here, in code, so a fresh clone needs no setup step.

Each entry expires just under its interval: a run that could not start in time is dropped, and
the next one (which does the same, idempotent work) takes over.
"""

import os

from celery import Celery
from celery.schedules import crontab

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

app = Celery("portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

MINUTE = 60
HOUR = 60 * MINUTE
DAY = 24 * HOUR
DIGEST_HOUR = int(os.environ.get("PORTAL_DIGEST_HOUR", "7"))  # as settings.PORTAL_DIGEST_HOUR reads it

app.conf.beat_schedule = {
    "deliver-pending-notifications": {
        "task": "portal.tasks.deliver_pending_notifications",
        "schedule": 2 * MINUTE,
        "options": {"expires": 2 * MINUTE - 10},
    },
    # Those who chose the daily digest get it at this hour (the 2-minute delivery would send it at
    # most two minutes later; this entry makes it punctual). Digest rows are due "on or after" it.
    "deliver-daily-digest": {
        "task": "portal.tasks.deliver_pending_notifications",
        "schedule": crontab(hour=DIGEST_HOUR, minute=0),
        "options": {"expires": HOUR},
    },
    # One-time form tokens older than any open browser tab (portal.once).
    "prune-spent-tokens": {
        "task": "portal.tasks.prune_spent_tokens",
        "schedule": crontab(hour=3, minute=15),
        "options": {"expires": 12 * HOUR},
    },
    "sync-board-seats": {
        "task": "governance.tasks.sync_seats",
        "schedule": HOUR,
        "options": {"expires": HOUR - 60},
    },
    # Plan checks the broker did not deliver (activities still marked needs_check).
    "activities-sweep-pending": {
        "task": "activities.tasks.sweep_pending_task",
        "schedule": 5 * MINUTE,
        "options": {"expires": 5 * MINUTE - 10},
    },
    # Every rule over every plan: catches what a single-activity check cannot (e.g. a changed matrix row).
    "activities-full-sweep": {
        "task": "activities.tasks.full_sweep_task",
        "schedule": crontab(hour=2, minute=30),
        "options": {"expires": 12 * HOUR},
    },
    # Daily in the morning (CELERY_TIMEZONE is the portal's): every stage is "due on or after" its
    # day, so a day the schedule missed is made up by the next run, and a repeat sends nothing.
    "check-contact": {
        "task": "coordination.tasks.check_contact",
        "schedule": crontab(hour=7, minute=0),
        "options": {"expires": DAY - HOUR},
    },
    "remind-action-items": {
        "task": "coordination.tasks.remind_action_items",
        "schedule": crontab(hour=7, minute=10),
        "options": {"expires": DAY - HOUR},
    },
}

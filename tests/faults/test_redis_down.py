"""Redis stopped: every page answers and no save is lost; once it is back the sweeps catch up.

The broker and the cache point at a redis-server of the test's own, which is stopped while a
secretariat and a director use the portal, then started again before the beat's sweeps run.
"""

import datetime as dt
import logging
import time

import pytest
from django.core import mail
from django.core.cache import cache
from django.utils import timezone

from activities.models import Activity, Finding
from activities.services.plans import plan_get_or_create
from activities.tasks import sweep_pending_task
from agreement.models import TaskArea
from governance import demo as governance_demo
from coordination.models import DirectorContact
from governance.models import Material
from portal.celery import app
from portal.models import Notification
from portal.notifications import deliver_pending, next_digest_at
from portal.tasks import deliver_pending_notifications
from portal.once import new_token

SAVE_SECONDS = 5


@pytest.fixture
def stack_on_own_redis(own_redis, settings):
    """The Celery app and the cache use `own_redis`, as they would with REDIS_URL pointing at it."""
    settings.CACHES = {
        "default": {
            "BACKEND": "portal.cache.ResilientRedisCache",
            "LOCATION": own_redis.url,
            # retry_after 0: the test restarts Redis and writes to it at once (production rests 5 s)
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1, "retry_after": 0},
        }
    }
    broker_url = app.conf.broker_url
    app.set_current()  # shared tasks publish through the current app; another test may have set its own
    app.conf.broker_url = own_redis.url
    app._after_fork()  # drop pooled connections, as Celery does in a fresh process, so the next publish uses the new URL
    yield own_redis
    app.conf.broker_url = broker_url
    app._after_fork()


def test_with_redis_stopped_pages_answer_saves_stick_and_the_sweeps_catch_up(
    stack_on_own_redis, client_for, demo_users, censec_secretariat, censec_director, difos_director, caplog,
    django_capture_on_commit_callbacks,
):
    redis = stack_on_own_redis
    governance_demo.seed(users=demo_users)
    material = Material.objects.filter(meeting__board__organisation__slug="censec").first()
    year = timezone.localdate().year
    client = client_for(censec_secretariat)
    plan_get_or_create(organisation=censec_secretariat.roles.get().organisation, year=year)

    redis.stop()
    caplog.set_level(logging.WARNING)
    for path in (
        "/", "/agreement/", "/agreement/matrix/", "/activities/", f"/activities/censec/{year}/", "/activities/findings/",
        f"/activities/timeline/{year}/", "/governance/boards/", "/governance/meetings/", f"/governance/meetings/{material.meeting_id}/",
        f"/governance/materials/{material.pk}/download/", "/governance/contacts/", "/notifications/",
    ):
        assert client.get(path).status_code == 200, path

    # 1. A secretariat plans a meeting with Lockheed Martin (3.1, single-track for DI FOS).
    start = dt.date(year, 6, 1)
    started = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True):  # the nudge to the broker is sent after the commit
        response = client.post(f"/activities/censec/{year}/activities/new/", {
            "title": "Møde med Lockheed Martin om leverandørprogram", "task_area": TaskArea.objects.get(slug="international").pk,
            "start": start, "end": start, "status": "planned", "topics": "leverandører", "counterparts": "Lockheed Martin",
            "target_groups": "", "description": "",
        })
    assert response.status_code == 302 and time.monotonic() - started < SAVE_SECONDS
    activity = Activity.objects.get(title__startswith="Møde med Lockheed Martin", plan__year=year)
    assert activity.needs_check and not activity.findings.exists()

    # 2. A director logs this month's contact with the other director.
    started = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(censec_director).post("/governance/contacts/new/", {
            "occurred_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"), "form": "phone",
            "participants": [censec_director.pk, difos_director.pk], "decisions": "Koordineret",
            "items-TOTAL_FORMS": "0", "items-INITIAL_FORMS": "0", "items-MIN_NUM_FORMS": "0", "items-MAX_NUM_FORMS": "50",
            "once": new_token(),
        })
    assert response.status_code == 302 and time.monotonic() - started < SAVE_SECONDS
    assert DirectorContact.objects.filter(participants=difos_director).exists()

    # The outage was real: the check could not be queued and the cache could not be reached.
    warnings = [r.getMessage() for r in caplog.records]
    assert any("Could not queue activities.tasks.check_activity_task" in w for w in warnings)
    assert any(w.startswith("Cache unavailable") for w in warnings)

    # 3. Redis is back: beat's sweep checks the activity, then the delivery sweep sends what it found.
    redis.start()
    with django_capture_on_commit_callbacks(execute=True):
        assert sweep_pending_task() == 1
    activity.refresh_from_db()
    assert not activity.needs_check
    assert redis.client().llen("celery") > 0, "the sweep's own nudges should reach the broker again"
    finding = Finding.objects.get(activities=activity, kind="single_track")
    told = Notification.objects.filter(kind="activity_finding", key=str(finding.pk))
    assert told.count() >= 2 and set(told.values_list("email_status", flat=True)) == {"pending"}
    mail.outbox.clear()
    assert deliver_pending_notifications() == 0  # findings come in the daily digest by default
    assert deliver_pending(now=next_digest_at(timezone.now())) >= told.count()
    assert set(told.values_list("email_status", flat=True)) == {"sent"}
    subject = told.first().subject
    assert sorted(m.to[0] for m in mail.outbox if m.subject == subject) == sorted(told.values_list("recipient__email", flat=True))
    cache.set("portal:probe", 1)
    assert cache.get("portal:probe") == 1

import datetime as dt
from types import SimpleNamespace
from unittest import mock

import pytest
from django.core import mail
from django.utils import timezone

from portal import notifications
from portal.models import Notification


NOTICE = SimpleNamespace(party="DI FOS", given_on=dt.date(2027, 1, 15), ends_on=dt.date(2027, 4, 15), withdrawn_at=None)


@pytest.fixture
def send(db):
    def send(users, key="2026-11"):
        return notifications.notify(
            recipients=users, kind="test", key=key, template="notice-given", context={"notice": NOTICE}, url="/agreement/"
        )

    return send


def test_each_recipient_is_told_once(send, censec_director, difos_director, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        assert len(send([censec_director, difos_director])) == 2
        assert send([censec_director, difos_director]) == []
    assert Notification.objects.count() == 2


def test_a_new_key_is_a_new_message(send, censec_director):
    send([censec_director], key="2026-11")
    send([censec_director], key="2026-12")
    assert Notification.objects.count() == 2


def test_delivery_emails_each_message_exactly_once(send, censec_director, difos_director):
    send([censec_director, difos_director])
    assert notifications.deliver_pending() == 2
    assert notifications.deliver_pending() == 0
    assert sorted(m.to[0] for m in mail.outbox) == sorted([censec_director.email, difos_director.email])
    assert "15. april 2027" in mail.outbox[0].body
    assert mail.outbox[0].alternatives  # the HTML part


def test_a_message_claimed_by_a_dead_worker_is_sent_later(send, censec_director):
    (note,) = send([censec_director])
    Notification.objects.filter(pk=note.pk).update(email_status="sending", email_claimed_at=timezone.now())
    assert notifications.deliver_pending() == 0  # still claimed by someone else
    Notification.objects.filter(pk=note.pk).update(email_claimed_at=timezone.now() - dt.timedelta(minutes=11))
    assert notifications.deliver_pending() == 1
    assert len(mail.outbox) == 1


def test_a_failed_send_is_retried(send, censec_director):
    send([censec_director])
    with mock.patch("django.core.mail.EmailMultiAlternatives.send", side_effect=OSError("smtp down")):
        assert notifications.deliver_pending() == 0
    assert Notification.objects.get().email_status == "pending"
    assert notifications.deliver_pending() == 1


def test_a_user_without_email_still_sees_the_message_in_the_portal(send, outsider, client_for):
    outsider.email = ""
    outsider.save()
    send([outsider])
    assert notifications.deliver_pending() == 0
    html = client_for(outsider).get("/notifications/").content.decode()
    assert "DI FOS" in html and 'href="/agreement/"' in html


def test_the_unread_count_shows_and_clears(send, censec_director, client_for):
    send([censec_director])
    client = client_for(censec_director)
    assert 'text-bg-warning' in client.get("/").content.decode()
    client.post("/notifications/read/")
    assert notifications.unread_count(censec_director) == 0


def test_a_user_cannot_mark_anothers_notifications(send, censec_director, difos_director, client_for):
    (note,) = send([difos_director])
    client_for(censec_director).post("/notifications/read/", {"id": [note.pk]})
    note.refresh_from_db()
    assert note.read_at is None


def test_notify_queues_delivery_after_commit(send, censec_director, django_capture_on_commit_callbacks):
    with mock.patch("portal.tasks.deliver_pending_notifications.apply_async") as apply_async:
        with django_capture_on_commit_callbacks(execute=True):
            send([censec_director])
    apply_async.assert_called_once()


def test_a_dashboard_change_makes_cached_figures_stale(db, django_capture_on_commit_callbacks):
    from portal.dashboard_cache import dashboard_changed, dashboard_generation

    before = dashboard_generation()
    with django_capture_on_commit_callbacks(execute=True):
        dashboard_changed()
    assert dashboard_generation() == before + 1

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
    with mock.patch("portal.notifications._send", return_value=0):  # the worker dies after claiming it
        notifications.deliver_pending()
    note.refresh_from_db()
    assert note.email_status == "sending" and note.email_id
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


def test_the_email_settings_page_is_in_the_user_menu_and_saves_the_choice(censec_director, client_for):
    client = client_for(censec_director)
    assert 'href="/notifications/settings/"' in client.get("/").content.decode()
    page = client.get("/notifications/settings/").content.decode()
    assert "Fund fra plantjekket (§4)" in page and "Daglig oversigt" in page and "Med det samme" in page
    assert notifications.preferences_for(censec_director)["activity_finding"] == "digest"  # the default for findings
    assert notifications.preferences_for(censec_director)["contact_month"] == "immediate"  # and for §5 reminders
    choices = {kind: "digest" for kind in notifications.preferences_for(censec_director)} | {"activity_finding": "immediate"}
    response = client.post("/notifications/settings/", choices, follow=True)
    assert "Dine e-mail-indstillinger er gemt." in response.content.decode()
    assert notifications.preferences_for(censec_director) == choices


def test_the_email_settings_page_refuses_an_unknown_choice(censec_director, client_for):
    response = client_for(censec_director).post("/notifications/settings/", {"activity_finding": "hourly"})
    assert response.status_code == 200 and "is-invalid" in response.content.decode()
    assert not censec_director.notification_preferences.exists()


def test_the_email_settings_page_is_in_english_too(censec_director, client_for):
    client = client_for(censec_director)
    client.cookies["django_language"] = "en"
    page = client.get("/notifications/settings/").content.decode()
    assert "Findings of the plan checks (§4)" in page and "Daily digest" in page


def test_several_messages_of_one_kind_to_one_person_are_one_email(send, censec_director):
    for month in ("2026-10", "2026-11", "2026-12"):
        send([censec_director], key=month)
    assert notifications.deliver_pending() == 1
    (message,) = mail.outbox
    assert message.subject == "test: 3 beskeder"
    assert message.body.count("* DI FOS har opsagt aftalen") == 3
    assert notifications.deliver_pending() == 0


def test_a_long_bundle_lists_fifty_and_links_to_the_rest(send, censec_director):
    for n in range(60):
        send([censec_director], key=f"k{n}")
    assert notifications.deliver_pending() == 1
    (message,) = mail.outbox
    assert message.subject == "test: 60 beskeder" and message.body.count("* DI FOS har opsagt aftalen") == 50
    assert "… og 10 mere i portalen:" in message.body and "/notifications/" in message.body
    assert set(Notification.objects.values_list("email_status", flat=True)) == {"sent"}


def test_the_digest_goes_out_on_or_after_its_hour(send, censec_director, settings):
    notifications.preferences_update(user=censec_director, choices={"test": "digest"})
    send([censec_director])
    (note,) = Notification.objects.all()
    assert timezone.localtime(note.email_due_at).hour == settings.PORTAL_DIGEST_HOUR
    assert notifications.deliver_pending() == 0
    late = note.email_due_at + dt.timedelta(hours=5)  # the digest run was missed: the next one sends it
    assert notifications.deliver_pending(now=late) == 1
    assert notifications.deliver_pending(now=late + dt.timedelta(days=1)) == 0


def test_the_daily_digest_is_in_the_beat_schedule_with_an_expiry():
    from portal.celery import app

    entry = app.conf.beat_schedule["deliver-daily-digest"]
    assert entry["task"] == "portal.tasks.deliver_pending_notifications"
    assert entry["schedule"].hour == {7} and 0 < entry["options"]["expires"] <= 3600

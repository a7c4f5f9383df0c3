"""Telling people things: an in-portal notification list and email, each message exactly once.

`notify()` stores one `Notification` per recipient, keyed by (kind, key, recipient) under a unique
constraint, so a repeated or concurrent call adds nothing. The email goes out afterwards through
`deliver_pending()`, which claims each row with a conditional update before sending: a worker that
dies mid-send leaves a claimed row that is retried once `PORTAL_EMAIL_CLAIM_SECONDS` have passed,
never a second copy of a message already marked sent.

The one window for a double message: a worker killed after the mail server accepted a message and
before the row was marked sent (the SMTP QUIT and one UPDATE, milliseconds on a nearby relay). The
row is then claimed but not marked sent, and goes out again after the claim timeout: at least once,
as no sender can do better without the mail server's help. A kill anywhere else sends each message
exactly once (tests/faults/test_worker_killed.py kills a worker waiting on the mail server).

Messages are template triplets under templates/emails/: `<name>-subject.txt`, `<name>-body.txt`,
`<name>-body.html`; the two .txt parts are rendered by the "text" engine, which does not HTML-escape.
"""

import datetime as dt
import logging
from collections.abc import Iterable

from django.conf import settings
from django.core.cache import cache
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.utils import timezone, translation

from .models import Notification

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5


def render_message(template: str, context: dict) -> tuple[str, str, str]:
    """Subject, text body and HTML body of the email template triplet `template`."""
    with translation.override(settings.LANGUAGE_CODE):
        subject = " ".join(render_to_string(f"emails/{template}-subject.txt", context, using="text").split())
        body = render_to_string(f"emails/{template}-body.txt", context, using="text")
        html = render_to_string(f"emails/{template}-body.html", context)
    return subject, body, html


def notify(*, recipients: Iterable, kind: str, key: str, template: str, context: dict, url: str = "") -> list[Notification]:
    """Store a notification for each recipient not yet told (kind, key); return the new ones.

    Email delivery is queued for after the commit; `deliver_pending()` sends it.
    """
    subject, body, html = render_message(template, {**context, "url": url, "base_url": settings.PORTAL_BASE_URL})
    created = []
    for user in {u.pk: u for u in recipients if u is not None}.values():
        try:
            with transaction.atomic():
                note, new = Notification.objects.get_or_create(
                    kind=kind,
                    key=key,
                    recipient=user,
                    defaults={
                        "subject": subject[:300],
                        "body": body,
                        "body_html": html,
                        "url": url,
                        "email_status": Notification.Email.PENDING if user.email else Notification.Email.NONE,
                    },
                )
        except IntegrityError:  # a concurrent run inserted it first: it is theirs to send
            continue
        if new:
            created.append(note)
    if created:
        recipients = [note.recipient_id for note in created]
        transaction.on_commit(lambda: _forget_unread(recipients))
        from .queue import enqueue_on_commit
        from .tasks import deliver_pending_notifications

        enqueue_on_commit(deliver_pending_notifications)
    return created


def _claim(note: Notification, now) -> bool:
    """Take `note` for sending with a conditional update; False if another worker has it."""
    return (
        Notification.objects.filter(
            pk=note.pk, email_status=note.email_status, email_claimed_at=note.email_claimed_at
        ).update(email_status=Notification.Email.SENDING, email_claimed_at=now, email_attempts=F("email_attempts") + 1)
        == 1
    )


def deliver_pending(*, limit: int = 200) -> int:
    """Email every pending notification (and any whose sender died mid-send); return how many were sent.

    1. Pick pending rows, and rows claimed longer ago than PORTAL_EMAIL_CLAIM_SECONDS (their sender died).
    2. Claim each with a conditional update; skip it if someone else did.
    3. Send, then mark sent; on an error put it back to pending, or failed after MAX_ATTEMPTS.
    """
    now = timezone.now()
    todo = (
        Notification.objects.filter(
            Q(email_status=Notification.Email.PENDING)
            | Q(
                email_status=Notification.Email.SENDING,
                email_claimed_at__lt=now - dt.timedelta(seconds=settings.PORTAL_EMAIL_CLAIM_SECONDS),
            )
        )
        .select_related("recipient")
        .order_by("id")[:limit]
    )
    sent = 0
    for note in list(todo):
        if not _claim(note, now):
            continue
        message = EmailMultiAlternatives(note.subject, note.body, to=[note.recipient.email])
        if note.body_html:
            message.attach_alternative(note.body_html, "text/html")
        try:
            message.send()
        except Exception:
            logger.exception("Email for notification %s failed", note.pk)
            failed = note.email_attempts + 1 >= MAX_ATTEMPTS
            Notification.objects.filter(pk=note.pk).update(
                email_status=Notification.Email.FAILED if failed else Notification.Email.PENDING,
                email_claimed_at=None,
            )
            continue
        Notification.objects.filter(pk=note.pk).update(email_status=Notification.Email.SENT, emailed_at=timezone.now())
        sent += 1
    return sent


UNREAD_CACHE_SECONDS = 5 * 60


def _unread_key(user_id: int) -> str:
    return f"portal:unread:{user_id}"


def unread_count(user) -> int:
    """The navbar's unread count: one query, then cached until a message arrives or is read."""
    if not getattr(user, "is_authenticated", False):
        return 0
    count = cache.get(_unread_key(user.pk))
    if count is None:
        count = Notification.objects.filter(recipient=user, read_at__isnull=True).count()
        cache.set(_unread_key(user.pk), count, UNREAD_CACHE_SECONDS)
    return count


def _forget_unread(user_ids) -> None:
    cache.delete_many([_unread_key(pk) for pk in user_ids])


def notifications_for(user):
    return Notification.objects.filter(recipient=user)


def mark_read(*, user, notification_ids: Iterable[int] | None = None) -> int:
    """Mark the user's notifications (all, or those ids) read; another user's ids change nothing."""
    qs = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if notification_ids is not None:
        qs = qs.filter(pk__in=list(notification_ids))
    updated = qs.update(read_at=timezone.now())
    _forget_unread([user.pk])
    return updated

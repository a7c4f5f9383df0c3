"""Telling people things: an in-portal notification list and email, each message exactly once, and no floods.

`notify()` stores one `Notification` per recipient, keyed by (kind, key, recipient) under a unique
constraint, so a repeated or concurrent call adds nothing. Each row says when its email is due:
at once, at the end of the run that made it (`batch()`), or at the next daily digest, as the
recipient chose for that kind (`NotificationPreference`; the kind's registered default otherwise).

`deliver_pending()` bundles the due rows into `OutgoingEmail`s — one per recipient and kind for
what is due now, one per recipient and day for the digest — and sends them. A bundle claims its
rows with a conditional update and is unique per (recipient, batch), so two workers never send
the same message twice; a worker that dies mid-send leaves claimed rows that are sent again once
`PORTAL_EMAIL_CLAIM_SECONDS` have passed.

The one window for a double message: a worker killed after the mail server accepted a message and
before the rows were marked sent (the SMTP QUIT and one UPDATE, milliseconds on a nearby relay). The
rows are then claimed but not marked sent, and go out again after the claim timeout: at least once,
as no sender can do better without the mail server's help. A kill anywhere else sends each message
exactly once (tests/faults/test_worker_killed.py kills a worker waiting on the mail server).

Messages are template triplets under templates/emails/: `<name>-subject.txt`, `<name>-body.txt`,
`<name>-body.html`; the two .txt parts are rendered by the "text" engine, which does not HTML-escape;
a bundle of several is `bundle-*`.
"""

import contextlib
import contextvars
import datetime as dt
import logging
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from email.message import MIMEPart

from django.conf import settings
from django.core.cache import cache
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.utils import timezone, translation

from .models import Delivery, Notification, NotificationPreference, OutgoingEmail

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
# An email bundling more messages of one kind lists this many and links to the rest in the portal.
BUNDLE_LIST_MAX = 50
# A run's messages wait this long at most for the run to end (a run that dies still gets them sent).
BATCH_HOLD = dt.timedelta(minutes=10)


# --- Kinds of message and who wants them how --------------------------------------------------------


@dataclass(frozen=True)
class Kind:
    """A kind of message an app sends, as the preference page shows it."""

    name: str
    label: str
    default: str = Delivery.IMMEDIATE


_kinds: dict[str, Kind] = {}


def register_kind(name: str, *, label, default: str = Delivery.IMMEDIATE) -> None:
    """An app declares a kind of message it sends (from its AppConfig.ready()), with its default delivery."""
    _kinds[name] = Kind(name, label, Delivery(default))


def registered_kinds() -> list[Kind]:
    return list(_kinds.values())


def _default(kind: str) -> str:
    return _kinds[kind].default if kind in _kinds else Delivery.IMMEDIATE


def deliveries_for(*, user_ids: Iterable[int], kind: str) -> dict[int, str]:
    """How each of these users wants messages of `kind` emailed (one query)."""
    user_ids = list(user_ids)
    chosen = dict(
        NotificationPreference.objects.filter(user_id__in=user_ids, kind=kind).values_list("user_id", "delivery")
    )
    return {pk: chosen.get(pk, _default(kind)) for pk in user_ids}


def preferences_for(user) -> dict[str, str]:
    """Every registered kind → this user's delivery for it (their choice, or the default)."""
    chosen = dict(NotificationPreference.objects.filter(user=user).values_list("kind", "delivery"))
    return {kind.name: chosen.get(kind.name, kind.default) for kind in registered_kinds()}


def preferences_update(*, user, choices: dict[str, str]) -> None:
    """Store the user's choices; messages not yet emailed follow the new choice at once."""
    now = timezone.now()
    for kind, delivery in choices.items():
        delivery = Delivery(delivery)
        NotificationPreference.objects.update_or_create(user=user, kind=kind, defaults={"delivery": delivery})
        digest = delivery == Delivery.DIGEST
        Notification.objects.filter(
            recipient=user, kind=kind, email_status=Notification.Email.PENDING, email__isnull=True
        ).exclude(email_digest=digest).update(email_digest=digest, email_due_at=next_digest_at(now) if digest else now)


def next_digest_at(now: dt.datetime) -> dt.datetime:
    """The next daily digest run after `now`: PORTAL_DIGEST_HOUR o'clock, local time."""
    tz = timezone.get_default_timezone()
    day = timezone.localtime(now, tz).date()
    at = dt.datetime.combine(day, dt.time(settings.PORTAL_DIGEST_HOUR), tzinfo=tz)
    if at <= now:
        at = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(settings.PORTAL_DIGEST_HOUR), tzinfo=tz)
    return at


# --- Making messages ---------------------------------------------------------------------------------

_collecting: contextvars.ContextVar[list | None] = contextvars.ContextVar("portal_notification_batch", default=None)


@contextlib.contextmanager
def batch():
    """A run (a sweep, a daily check): the messages it makes go out together when it ends.

    Inside, new messages are held (up to BATCH_HOLD, so a run that dies still gets them sent) and
    no delivery is queued; at the end they become due at once and one delivery is queued, which
    sends each person one email per kind. Nested batches belong to the outermost.
    """
    if _collecting.get() is not None:
        yield
        return
    made: list[int] = []
    token = _collecting.set(made)
    try:
        yield
    finally:
        _collecting.reset(token)
        if made:
            Notification.objects.filter(pk__in=made, email_digest=False, email_status=Notification.Email.PENDING).update(
                email_due_at=timezone.now()
            )
            _queue_delivery()


def _queue_delivery() -> None:
    from .queue import enqueue_on_commit
    from .tasks import deliver_pending_notifications

    enqueue_on_commit(deliver_pending_notifications)


def render_message(template: str, context: dict) -> tuple[str, str, str]:
    """Subject, text body and HTML body of the email template triplet `template`."""
    with translation.override(settings.LANGUAGE_CODE):
        subject = " ".join(render_to_string(f"emails/{template}-subject.txt", context, using="text").split())
        body = render_to_string(f"emails/{template}-body.txt", context, using="text")
        html = render_to_string(f"emails/{template}-body.html", context)
    return subject, body, html


@dataclass(frozen=True)
class Attachment:
    """A file sent with a message's email: `mimetype` may carry parameters ("text/calendar; method=REQUEST")."""

    name: str
    content: str
    mimetype: str


def notify(
    *, recipients: Iterable, kind: str, key: str, template: str, context: dict, url: str = "",
    attachment: Attachment | None = None,
) -> list[Notification]:
    """Store a notification for each recipient not yet told (kind, key); return the new ones.

    Each is due for email at once (after the commit, or when the enclosing `batch()` ends) or at
    the next digest, as the recipient chose; `deliver_pending()` sends it. A message with an
    `attachment` is emailed on its own, never bundled, so its file reaches the reader as sent.
    """
    subject, body, html = render_message(template, {**context, "url": url, "base_url": settings.PORTAL_BASE_URL})
    users = {u.pk: u for u in recipients if u is not None}
    deliveries = deliveries_for(user_ids=users, kind=kind)
    now = timezone.now()
    collecting = _collecting.get()
    created = []
    for user in users.values():
        digest = deliveries[user.pk] == Delivery.DIGEST
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
                        "email_digest": digest,
                        "email_due_at": next_digest_at(now) if digest else now + BATCH_HOLD if collecting is not None else now,
                        "attachment_name": attachment.name[:100] if attachment else "",
                        "attachment_type": attachment.mimetype[:100] if attachment else "",
                        "attachment": attachment.content if attachment else "",
                    },
                )
        except IntegrityError:  # a concurrent run inserted it first: it is theirs to send
            continue
        if new:
            created.append(note)
    if created:
        recipients = [note.recipient_id for note in created]
        transaction.on_commit(lambda: _forget_unread(recipients))
        if collecting is not None:
            collecting.extend(note.pk for note in created)
        elif any(not note.email_digest for note in created):
            _queue_delivery()
    return created


# --- Sending -------------------------------------------------------------------------------------------


class _NothingToSend(Exception):
    pass


def deliver_pending(*, now: dt.datetime | None = None, limit: int = 200) -> int:
    """Email what is due, one email per person and kind (the digest: one per person and day); return how many emails went out.

    1. Emails whose sender died (rows claimed longer ago than PORTAL_EMAIL_CLAIM_SECONDS): claim
       them again and send them.
    2. Group the due rows by recipient and kind (digest rows: by recipient). Each group becomes an
       `OutgoingEmail`, unique per (recipient, batch), and claims its rows with a conditional
       update; a group someone else took is skipped.
    3. Send, then mark the email and its rows sent; on an error put the rows back to pending, or
       failed after MAX_ATTEMPTS.
    """
    now = now or timezone.now()
    sent = 0
    stale = now - dt.timedelta(seconds=settings.PORTAL_EMAIL_CLAIM_SECONDS)
    orphans = (
        Notification.objects.filter(email_status=Notification.Email.SENDING, email_claimed_at__lt=stale, email__isnull=False)
        .values_list("email_id", "email_claimed_at")
        .distinct()[:limit]
    )
    for email_id, claimed_at in list(orphans):
        if Notification.objects.filter(
            email_id=email_id, email_status=Notification.Email.SENDING, email_claimed_at=claimed_at
        ).update(email_claimed_at=now, email_attempts=F("email_attempts") + 1):
            sent += _send(email_id)

    due = (
        Notification.objects.filter(email_status=Notification.Email.PENDING)
        .filter(Q(email_due_at__lte=now) | Q(email_due_at__isnull=True))
        .order_by("id")
        .values_list("pk", "recipient_id", "kind", "email_digest", "attachment_name")[: limit * 50]
    )
    groups: dict[tuple[int, str, int], list[int]] = defaultdict(list)
    for pk, recipient_id, kind, digest, attachment_name in due:
        if attachment_name:  # a message with a file goes alone: batch "<kind>:<its id>"
            groups[(recipient_id, kind, pk)].append(pk)
        else:
            groups[(recipient_id, "" if digest else kind, 0)].append(pk)
    day = timezone.localdate(now)
    for (recipient_id, kind, _alone), pks in groups.items():
        if sent >= limit:
            break
        email_id = _bundle(recipient_id, f"{kind}:{pks[0]}" if kind else f"digest:{day:%Y-%m-%d}", pks, now)
        if email_id is not None:
            sent += _send(email_id)
    return sent


def _bundle(recipient_id: int, batch: str, pks: list[int], now) -> int | None:
    """An OutgoingEmail claiming the rows `pks` that are still pending; None if another worker has them."""
    try:
        with transaction.atomic():
            email = OutgoingEmail.objects.create(recipient_id=recipient_id, batch=batch[:100])
            claimed = Notification.objects.filter(pk__in=pks, email_status=Notification.Email.PENDING).update(
                email=email,
                email_status=Notification.Email.SENDING,
                email_claimed_at=now,
                email_attempts=F("email_attempts") + 1,
            )
            if not claimed:
                raise _NothingToSend
    except (IntegrityError, _NothingToSend):
        return None
    return email.pk


def _send(email_id: int) -> int:
    """Send one bundled email; 1 if it went out."""
    email = OutgoingEmail.objects.select_related("recipient").get(pk=email_id)
    notes = list(email.notifications.filter(email_status=Notification.Email.SENDING).order_by("id"))
    if not notes:
        return 0
    subject, body, html = _compose(notes)
    message = _MessageWithAttachment(subject, body, to=[email.recipient.email])
    if html:
        message.attach_alternative(html, "text/html")
    if len(notes) == 1 and notes[0].attachment_name:
        message.attach_note_file(notes[0])
    pks = [note.pk for note in notes]
    try:
        message.send()
    except Exception:
        logger.exception("Email %s (notifications %s) failed", email_id, pks)
        failed = [note.pk for note in notes if note.email_attempts >= MAX_ATTEMPTS]
        Notification.objects.filter(pk__in=failed).update(email_status=Notification.Email.FAILED, email_claimed_at=None, email=None)
        Notification.objects.filter(pk__in=pks).exclude(pk__in=failed).update(
            email_status=Notification.Email.PENDING, email_claimed_at=None, email=None
        )
        email.delete()
        return 0
    Notification.objects.filter(pk__in=pks, email=email).update(email_status=Notification.Email.SENT, emailed_at=timezone.now())
    OutgoingEmail.objects.filter(pk=email.pk).update(subject=subject[:300], sent_at=timezone.now())
    return 1


class _MessageWithAttachment(EmailMultiAlternatives):
    """An email that may carry one notification's file.

    The file is attached with its full MIME type (parameters included). An iCalendar file is also
    given as an alternative part of the body, the way calendar servers send invitations: Outlook
    shows its accept/decline buttons from that part, Google Calendar from either.
    """

    calendar = None

    def attach_note_file(self, note: Notification) -> None:
        maintype, _slash, rest = note.attachment_type.partition("/")
        subtype, *raw_params = [p.strip() for p in rest.split(";")]
        params = dict(p.split("=", 1) for p in raw_params if "=" in p)
        if maintype == "text":
            params.setdefault("charset", "utf-8")
        # As bytes, so the file goes exactly as written (iCalendar needs its CRLF line ends).
        content = note.attachment.encode()
        part = MIMEPart()
        part.set_content(content, maintype=maintype, subtype=subtype, params=params, disposition="attachment",
                         filename=note.attachment_name)
        self.attach(part)
        if (maintype, subtype) == ("text", "calendar"):
            self.calendar = (content, params)

    def _add_bodies(self, msg):
        super()._add_bodies(msg)
        if self.calendar is not None:
            content, params = self.calendar
            msg.add_alternative(content, maintype="text", subtype="calendar", params=params)
        return msg


def _compose(notes: list[Notification]) -> tuple[str, str, str]:
    """One message as it was written; several as one email listing each (grouped by kind in a digest)."""
    if len(notes) == 1:
        (note,) = notes
        return note.subject, note.body, note.body_html
    digest = notes[0].email_digest
    by_kind: dict[str, list[Notification]] = defaultdict(list)
    for note in notes:
        by_kind[note.kind].append(note)
    with translation.override(settings.LANGUAGE_CODE):
        sections = [
            {
                "label": str(_kinds[kind].label) if kind in _kinds else kind,
                "count": len(items),
                "notes": items[:BUNDLE_LIST_MAX],
                "more": max(0, len(items) - BUNDLE_LIST_MAX),
            }
            for kind, items in by_kind.items()
        ]
    return render_message(
        "bundle",
        {"digest": digest, "count": len(notes), "sections": sections, "base_url": settings.PORTAL_BASE_URL},
    )


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

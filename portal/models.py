"""Accounts, roles and notifications: who uses the portal, for which party, and what they were told."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A person who logs in to the portal: secretariat staff, a director, a board member, observer or member company's person."""

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["username"]

    def __str__(self):
        return self.get_full_name() or self.username


class RoleKind(models.TextChoices):
    SECRETARIAT = "secretariat", _("Secretariat")
    DIRECTOR = "director", _("Director")
    BOARD_MEMBER = "board_member", _("Board member")
    OBSERVER = "observer", _("Observer")
    ADMINISTRATOR = "administrator", _("Administrator")
    # A member company's person (§1 P1): sees the members pages only, never the staff portal.
    MEMBER = "member", _("Member")


# A party's staff: its director and its secretariat (who log contacts, see plans, are told of findings).
PARTY_STAFF_ROLES = (RoleKind.DIRECTOR, RoleKind.SECRETARIAT)


class Role(models.Model):
    """A role a user holds for one organisation (§2 parties): secretariat, director, board member, observer.

    For a board member the organisation is the party whose board they sit on; for an observer it
    is the party they represent (§3 G2). Administrators may have no organisation.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="roles")
    kind = models.CharField(_("role"), max_length=20, choices=RoleKind.choices)
    organisation = models.ForeignKey(
        "agreement.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="roles",
        verbose_name=_("organisation"),
    )

    class Meta:
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        ordering = ["user__username", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["user", "kind", "organisation"], name="role_unique_per_org"),
            models.CheckConstraint(
                condition=Q(kind=RoleKind.ADMINISTRATOR) | Q(organisation__isnull=False),
                name="role_needs_organisation",
            ),
        ]

    def __str__(self):
        if self.organisation_id:
            return f"{self.get_kind_display()} ({self.organisation.short_name})"
        return str(self.get_kind_display())


class Notification(models.Model):
    """A message the portal sent to one user, in the portal and by email; stored once per (kind, key, recipient).

    The unique constraint is what makes "exactly once" true: the row is inserted before the email
    is sent, so a repeated, retried or concurrent run finds it and sends nothing more.
    """

    class Email(models.TextChoices):
        PENDING = "pending", _("Pending")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        NONE = "none", _("Not emailed")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(_("kind"), max_length=50)
    key = models.CharField(_("key"), max_length=200, help_text=_("What the message is about, e.g. a month and stage."))
    subject = models.CharField(_("subject"), max_length=300)
    body = models.TextField(_("text"))
    body_html = models.TextField(blank=True)
    url = models.CharField(_("link"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)
    email_status = models.CharField(max_length=10, choices=Email.choices, default=Email.PENDING)
    email_claimed_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)
    email_attempts = models.PositiveSmallIntegerField(default=0)
    # When the email may go out: at once, after the run that made it, or at the next daily digest.
    email_due_at = models.DateTimeField(null=True, blank=True)
    email_digest = models.BooleanField(default=False)
    email = models.ForeignKey(
        "OutgoingEmail", on_delete=models.SET_NULL, null=True, blank=True, related_name="notifications"
    )
    # An optional file sent with the email (e.g. an iCalendar invitation); such a message is always emailed alone.
    attachment_name = models.CharField(max_length=100, blank=True)
    attachment_type = models.CharField(max_length=100, blank=True, help_text="MIME type with parameters, e.g. text/calendar; method=REQUEST")
    attachment = models.TextField(blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "key", "recipient"], name="notification_once"),
        ]
        indexes = [
            models.Index(fields=["recipient", "read_at"]),
            models.Index(fields=["email_status"], name="notification_email_todo", condition=Q(email_status__in=["pending", "sending"])),
        ]

    def __str__(self):
        return self.subject


class Delivery(models.TextChoices):
    IMMEDIATE = "immediate", _("At once")
    DIGEST = "digest", _("Daily digest")


class NotificationPreference(models.Model):
    """How one user wants one kind of message emailed: at once, or in the daily digest.

    No row means the kind's default (registered with `portal.notifications.register_kind`).
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences")
    kind = models.CharField(_("kind"), max_length=50)
    delivery = models.CharField(_("delivery"), max_length=10, choices=Delivery.choices)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")
        constraints = [models.UniqueConstraint(fields=["user", "kind"], name="notification_preference_once")]

    def __str__(self):
        return f"{self.user}: {self.kind} → {self.get_delivery_display()}"


class OutgoingEmail(models.Model):
    """One email to one user, carrying one or more notifications: a single message, a run's messages of one kind, or the daily digest.

    Unique per (recipient, batch): a batch is "<kind>:<first notification id>" or "digest:<date>",
    so two workers bundling the same messages make one email, and a user gets one digest a day.
    """

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    batch = models.CharField(max_length=100)
    subject = models.CharField(_("subject"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("outgoing email")
        verbose_name_plural = _("outgoing emails")
        constraints = [models.UniqueConstraint(fields=["recipient", "batch"], name="outgoing_email_once")]

    def __str__(self):
        return f"{self.batch} → {self.recipient}"


class SpentToken(models.Model):
    """A create form's one-time token, spent by the first post that used it (portal.once).

    Unique on the token: a double click or a repeated post finds the row and is sent where the
    first post went, instead of making a second object.
    """

    token = models.CharField(max_length=64, unique=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    result_url = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("spent form token")
        verbose_name_plural = _("spent form tokens")

    def __str__(self):
        return self.token

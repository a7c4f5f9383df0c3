"""The board pack (issue 12): what happened to a material (published, withdrawn, restored), the chair's
approval of minutes, and when each person last opened a meeting (for "new since your last visit")."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

__all__ = ["MaterialEvent", "MinutesApproval", "MeetingVisit"]


class MaterialEvent(models.Model):
    """One step in a material's history besides its uploads (which its versions record): who, when."""

    class Kind(models.TextChoices):
        PUBLISHED = "published", _("Published")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        RESTORED = "restored", _("Restored")

    material = models.ForeignKey("governance.Material", on_delete=models.CASCADE, related_name="events", verbose_name=_("material"))
    kind = models.CharField(_("what"), max_length=10, choices=Kind.choices)
    version = models.ForeignKey(
        "governance.MaterialVersion", on_delete=models.CASCADE, null=True, blank=True, related_name="+", verbose_name=_("version")
    )
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("by"))
    at = models.DateTimeField(_("when"), default=timezone.now)
    reason = models.CharField(_("reason"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("material event")
        verbose_name_plural = _("material events")
        ordering = ["material", "at", "pk"]

    def __str__(self):
        return f"{self.material} – {self.get_kind_display()} ({self.at:%Y-%m-%d %H:%M})"


class MinutesApproval(models.Model):
    """The chair's approval of one version of the minutes; a new version is not approved until approved again."""

    version = models.OneToOneField(
        "governance.MaterialVersion", on_delete=models.CASCADE, related_name="approval", verbose_name=_("version")
    )
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("approved by"))
    approved_by_name = models.CharField(_("chair"), max_length=200)
    approved_at = models.DateTimeField(_("approved"), default=timezone.now)

    class Meta:
        verbose_name = _("approval of minutes")
        verbose_name_plural = _("approvals of minutes")

    def __str__(self):
        return f"{self.version} – {self.approved_by_name} ({self.approved_at:%Y-%m-%d})"


class MeetingVisit(models.Model):
    """When a user last opened a meeting's page, as far as its materials were concerned."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("user"))
    meeting = models.ForeignKey("governance.Meeting", on_delete=models.CASCADE, related_name="+", verbose_name=_("meeting"))
    seen_at = models.DateTimeField(_("last opened"))

    class Meta:
        verbose_name = _("meeting visit")
        verbose_name_plural = _("meeting visits")
        constraints = [models.UniqueConstraint(fields=["user", "meeting"], name="meeting_visit_unique")]

    def __str__(self):
        return f"{self.user} – {self.meeting} ({self.seen_at:%Y-%m-%d %H:%M})"

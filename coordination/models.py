"""Director contacts, action items and the monthly-contact record (§5 C-MONTHLY).

These models came from the governance app; their tables keep the names they had there
(`governance_*`), so the move was a state-only migration and no row was copied.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

__all__ = [
    "ActionItem", "ContactForm", "DirectorContact", "FindingWord", "MonthRecord", "MonthStatus", "PlanApproval", "WordAction",
    "WordOutcome", "contact_history",
]


class ContactForm(models.TextChoices):
    MEETING = "meeting", _("Meeting")
    VIDEO = "video", _("Video call")
    PHONE = "phone", _("Phone call")
    EMAIL = "email", _("Email")


class MovedHistoricalRecords(HistoricalRecords):
    """History whose many-to-many history tables keep the names they had in the governance app."""

    def get_meta_options_m2m(self, through_model):
        options = super().get_meta_options_m2m(through_model)
        return {**options, "db_table": f"governance_{self.get_history_model_name(through_model).lower()}"}


# Kept by name so services can write one history row per save, participants and areas included,
# instead of one row per many-to-many change (see services._save_contact).
contact_history = MovedHistoricalRecords(
    m2m_fields=["participants", "task_areas", "activities"], table_name="governance_historicaldirectorcontact"
)


class DirectorContact(models.Model):
    """A coordination contact between the directors (§5): who took part, the §4 topics discussed and what was agreed.

    Whether it counts for C-MONTHLY (a director of each party took part and at least one §4 topic
    was discussed) is asked of `coordination.selectors`, never stored: it follows from the
    participants' roles and the topics.
    """

    occurred_at = models.DateTimeField(_("date and time"), db_index=True)
    form = models.CharField(_("form"), max_length=10, choices=ContactForm.choices, default=ContactForm.MEETING)
    participants = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="director_contacts", verbose_name=_("participants")
    )
    task_areas = models.ManyToManyField(
        "agreement.TaskArea", blank=True, related_name="director_contacts", verbose_name=_("§4 topics discussed")
    )
    # O1: "hver af organisationerne fremlægger planlagte aktiviteter" — the plan activities each presented.
    activities = models.ManyToManyField(
        "activities.Activity", blank=True, related_name="director_contacts", verbose_name=_("plan activities presented")
    )
    agenda = models.TextField(
        _("agenda"), blank=True, help_text=_("What the meeting was to go through; proposed from what changed since the last contact.")
    )
    activities_presented = models.TextField(
        _("activities presented"), blank=True, help_text=_("Planned activities each director presented; one per line, links welcome.")
    )
    decisions = models.TextField(_("decisions"), blank=True, help_text=_("Concrete cooperation discussed and agreed."))
    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("logged by")
    )
    created_at = models.DateTimeField(_("logged at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)
    history = contact_history

    class Meta:
        db_table = "governance_directorcontact"
        verbose_name = _("director contact")
        verbose_name_plural = _("director contacts")
        ordering = ["-occurred_at", "-id"]

    def __str__(self):
        return f"{self.get_form_display()} {self.occurred_at:%Y-%m-%d}"

    def get_absolute_url(self):
        return reverse("coordination:contact-detail", args=[self.pk])


class ActionItem(models.Model):
    """A follow-up agreed at a director contact (§5): what, who does it, and by when."""

    contact = models.ForeignKey(DirectorContact, on_delete=models.CASCADE, related_name="action_items")
    text = models.CharField(_("action"), max_length=500)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="action_items", verbose_name=_("owner")
    )
    due_on = models.DateField(_("due date"), db_index=True)
    done = models.BooleanField(_("done"), default=False)
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)
    history = HistoricalRecords(table_name="governance_historicalactionitem")

    class Meta:
        db_table = "governance_actionitem"
        verbose_name = _("action item")
        verbose_name_plural = _("action items")
        ordering = ["done", "due_on", "id"]
        indexes = [models.Index(fields=["due_on"], name="action_item_open", condition=Q(done=False))]

    def __str__(self):
        return self.text

    def get_absolute_url(self):
        return reverse("coordination:contact-detail", args=[self.contact_id])


class MonthStatus(models.TextChoices):
    KEPT = "kept", _("Kept")
    # §5 is a "should" (bør): a month without contact is recorded and escalated, not called a breach.
    MISSED = "missed", _("No contact")


class MonthRecord(models.Model):
    """The outcome of one calendar month under C-MONTHLY (§5): kept or missed, one row per month, recorded when it ends."""

    month = models.DateField(_("month"), unique=True, help_text=_("The first day of the calendar month."))
    status = models.CharField(_("status"), max_length=10, choices=MonthStatus.choices)
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        db_table = "governance_monthrecord"
        verbose_name = _("month record")
        verbose_name_plural = _("month records")
        ordering = ["-month"]
        constraints = [models.CheckConstraint(condition=Q(month__day=1), name="month_record_first_day")]

    def __str__(self):
        return f"{self.month:%Y-%m} {self.get_status_display()}"


# --- Two-party words (§4: plans "koordineres mellem de to parter"; findings settled by both) ---------


class PlanApproval(models.Model):
    """One party's approval, by its director, of one revision of a plan (§4: the plans are coordinated between the two parties).

    A plan is coordinated once both parties have approved its current revision and no finding on it
    is open; a change to its activities raises the revision, so an older approval no longer counts.
    """

    plan = models.ForeignKey("activities.Plan", on_delete=models.CASCADE, related_name="approvals", verbose_name=_("plan"))
    party = models.ForeignKey("agreement.Organisation", on_delete=models.PROTECT, related_name="+", verbose_name=_("party"))
    revision = models.PositiveIntegerField(_("revision"))
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("approved by")
    )
    approved_at = models.DateTimeField(_("approved at"), default=timezone.now)

    class Meta:
        verbose_name = _("plan approval")
        verbose_name_plural = _("plan approvals")
        ordering = ["-approved_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "party", "revision"], name="plan_approval_once_per_party_and_revision",
                violation_error_message=_("This party has already approved this revision of the plan."),
            ),
        ]

    def __str__(self):
        return f"{self.plan} r{self.revision}: {self.party}"


class WordAction(models.TextChoices):
    """What a party's word on a finding does: agree it is settled, say it does not hold, or propose (the owner's word)."""

    ACKNOWLEDGE = "acknowledge", _("Agreed")
    DISMISS = "dismiss", _("Does not hold")
    PROPOSE = "propose", _("Proposed")


class WordOutcome(models.TextChoices):
    """How the parties settle a finding (§4: "løst i fællesskab eller som minimum koordineret"; Appendix 1: inform and involve)."""

    JOINT = "joint", _("A joint activity")
    WITHDRAWN = "withdrawn", _("One party withdraws it")
    MOVED = "moved", _("One party moves it")
    DIVISION = "division", _("A division of work")
    INFORMED = "informed", _("Informed, no action")
    JOIN = "join", _("We join")
    NO_NEED = "no_need", _("No need to join")


ACTING_OUTCOMES = (WordOutcome.WITHDRAWN, WordOutcome.MOVED)


class FindingWord(models.Model):
    """One party's word on a plan-check finding: the outcome it agrees, why, who said it and at which director contact (§4–§5)."""

    finding = models.ForeignKey("activities.Finding", on_delete=models.CASCADE, related_name="words", verbose_name=_("finding"))
    party = models.ForeignKey("agreement.Organisation", on_delete=models.PROTECT, related_name="+", verbose_name=_("party"))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("said by"))
    action = models.CharField(_("word"), max_length=12, choices=WordAction.choices)
    outcome = models.CharField(_("outcome"), max_length=12, choices=WordOutcome.choices)
    acting_party = models.ForeignKey(
        "agreement.Organisation", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("party that withdraws or moves it"),
    )
    division = models.TextField(_("who does what"), blank=True)
    reason = models.TextField(_("reason"))
    contact = models.ForeignKey(
        DirectorContact, on_delete=models.SET_NULL, null=True, blank=True, related_name="finding_words",
        verbose_name=_("agreed at"),
    )
    created_at = models.DateTimeField(_("said at"), default=timezone.now)

    class Meta:
        verbose_name = _("word on a finding")
        verbose_name_plural = _("words on findings")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["finding", "party"], name="finding_word_once_per_party",
                violation_error_message=_("This party has already given its word on this finding."),
            ),
            models.CheckConstraint(condition=~Q(reason=""), name="finding_word_has_reason"),
            models.CheckConstraint(
                condition=~Q(outcome__in=[o.value for o in ACTING_OUTCOMES]) | Q(acting_party__isnull=False),
                name="finding_word_names_the_acting_party",
            ),
            models.CheckConstraint(
                condition=~Q(outcome=WordOutcome.DIVISION) | ~Q(division=""), name="finding_word_division_says_who_does_what",
            ),
        ]

    def __str__(self):
        return f"{self.finding_id} {self.party}: {self.get_outcome_display()}"

"""Annual activity plans (§4), their activities, and the findings of the plan checks (§1, §4, Appendix 1)."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    COORDINATED = "coordinated", _("Coordinated")


class Plan(models.Model):
    """One party's annual activity plan (§4), which the two parties coordinate so that nothing overlaps."""

    organisation = models.ForeignKey(
        "agreement.Organisation", on_delete=models.PROTECT, related_name="plans", verbose_name=_("party")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    status = models.CharField(_("status"), max_length=20, choices=PlanStatus.choices, default=PlanStatus.DRAFT)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    coordinated_at = models.DateTimeField(_("coordinated at"), null=True, blank=True)
    coordinated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("coordinated by"),
    )
    # Raised by every change to the plan's activities; the parties' approvals (coordination) are of
    # one revision, so a change after approval reopens the plan.
    revision = models.PositiveIntegerField(_("revision"), default=1, editable=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("activity plan")
        verbose_name_plural = _("activity plans")
        ordering = ["-year", "organisation__slug"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "year"],
                name="plan_one_per_party_and_year",
                violation_error_message=_("This party already has a plan for that year."),
            ),
            models.CheckConstraint(condition=Q(year__gte=2000, year__lte=2100), name="plan_year_sensible"),
        ]

    def __str__(self):
        return f"{self.organisation.short_name} {self.year}"


class ActivityStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    ONGOING = "ongoing", _("Ongoing")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


class Visibility(models.TextChoices):
    """Who outside the two secretariats may see an activity on the members pages (§1 P1, §4)."""

    INTERNAL = "internal", _("Internal (the secretariats only)")
    MEMBERS = "members", _("Members")
    PUBLIC = "public", _("Public")


class Activity(models.Model):
    """An activity in a party's annual plan (§4), placed in a task area and, where it fits, a matrix row of Appendix 1."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="activities", verbose_name=_("plan"))
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    task_area = models.ForeignKey(
        "agreement.TaskArea", on_delete=models.PROTECT, related_name="activities", verbose_name=_("task area")
    )
    matrix_row = models.ForeignKey(
        "agreement.MatrixRow", on_delete=models.PROTECT, null=True, blank=True, related_name="activities",
        verbose_name=_("responsibility (matrix row)"),
    )
    start = models.DateField(_("start"))
    end = models.DateField(_("end"))
    topics = models.TextField(_("topics"), blank=True, help_text=_("Separated by ';'."))
    counterparts = models.TextField(
        _("counterparts"), blank=True, help_text=_("Named outside organisations, e.g. Lockheed Martin; separated by ';'.")
    )
    target_groups = models.TextField(
        _("target groups"), blank=True, help_text=_("E.g. SMEs; large companies; knowledge institutions; separated by ';'.")
    )
    status = models.CharField(_("status"), max_length=20, choices=ActivityStatus.choices, default=ActivityStatus.PLANNED)
    common_interest = models.BooleanField(
        _("of common interest"), default=False, help_text=_("The other party must be informed of it (§4).")
    )
    partner = models.ForeignKey(
        "agreement.Organisation", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("partner party"), help_text=_("For a joint activity: the other party taking part."),
    )
    # A named partner counts (a joint activity) only once someone of the partner party confirms it.
    partner_confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("partner confirmed by"), editable=False,
    )
    partner_confirmed_at = models.DateTimeField(_("partner confirmed at"), null=True, blank=True, editable=False)
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.INTERNAL,
        help_text=_("Shown on the members pages once the plan is submitted: to members, or to everyone."),
    )
    place = models.CharField(_("place"), max_length=200, blank=True)
    signup_url = models.URLField(_("sign-up link"), max_length=500, blank=True)
    # When the activity was first shown on the members pages (its plan submitted while it was visible
    # and not cancelled). A cancelled activity shows as cancelled only if this is set.
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, editable=False)
    # Normalised topics, counterparts, target groups and title, kept at save so the checks compare
    # prepared strings instead of re-tokenising tens of thousands of rows on every sweep.
    match_keys = models.TextField(editable=False, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    needs_check = models.BooleanField(default=True, editable=False)
    check_requested_at = models.DateTimeField(default=timezone.now, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["match_keys", "needs_check", "check_requested_at"])

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["start", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gte=F("start")),
                name="activity_ends_after_start",
                violation_error_message=_("The end date cannot be before the start date."),
            ),
            models.CheckConstraint(condition=~Q(title=""), name="activity_has_title"),
            models.CheckConstraint(condition=Q(version__gte=1), name="activity_version_positive"),
        ]
        indexes = [
            # The single-activity overlap check: any task area, start within a bounded window, end
            # compared in the index too (no row is read for a candidate that ended before).
            models.Index(fields=["start", "end"], name="activity_dates"),
            models.Index(fields=["plan", "start"], name="activity_plan_start"),
            models.Index(fields=["check_requested_at"], name="activity_check_todo", condition=Q(needs_check=True)),
            models.Index(fields=["start"], name="activity_visible_start", condition=~Q(visibility="internal")),
        ]

    def __str__(self):
        return self.title


class FindingKind(models.TextChoices):
    OVERLAP = "overlap", _("Overlap")
    RESPONSIBILITY = "responsibility", _("Responsibility")
    SINGLE_TRACK = "single_track", _("Single-track")
    COMMON_INTEREST = "common_interest", _("Common interest")
    # The lead party's activity under a row whose other party is informed or involved (Appendix 1),
    # or naming a 3.1 counterpart: the other party is told, and answers.
    INFORM = "inform", _("Inform")


class FindingDuty(models.TextChoices):
    """What Appendix 1 asks of the told party for an `inform` finding: to be informed, or to be involved."""

    INFORMED = "informed", _("Informed")
    INVOLVED = "involved", _("Involved")


class FindingStatus(models.TextChoices):
    OPEN = "open", _("Open")
    ACKNOWLEDGED = "acknowledged", _("Acknowledged")
    RESOLVED = "resolved", _("Resolved")
    DISMISSED = "dismissed", _("Dismissed")


class Finding(models.Model):
    """What a plan check found against §1/§4 or an Appendix 1 row: an overlap, a breach, or news the other party must get."""

    kind = models.CharField(_("kind"), max_length=20, choices=FindingKind.choices)
    rule = models.CharField(_("rule"), max_length=20, help_text=_("A matrix id (e.g. 3.1) or a clause (e.g. §4)."))
    # kind:rule:sorted activity ids — the same finding is stored once, however often the checks run.
    key = models.CharField(max_length=255, unique=True)
    matrix_row = models.ForeignKey(
        "agreement.MatrixRow", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    detail = models.CharField(_("what matched"), max_length=300, blank=True)
    # For an `inform` finding: whether the told party is informed or involved (its answer differs).
    duty = models.CharField(_("duty"), max_length=10, choices=FindingDuty.choices, blank=True)
    # The activity has no matrix row: the finding is against the row its text suggests.
    suggested = models.BooleanField(_("suggested row"), default=False)
    # For an overlap: how strongly the two activities say the same thing (activities.checks.score).
    score = models.FloatField(_("score"), null=True, blank=True)
    activities = models.ManyToManyField(Activity, related_name="findings", verbose_name=_("activities"))
    year = models.PositiveSmallIntegerField(_("year"))
    status = models.CharField(_("status"), max_length=20, choices=FindingStatus.choices, default=FindingStatus.OPEN)
    reason = models.TextField(_("reason"), blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("handled by"),
    )
    handled_at = models.DateTimeField(_("handled at"), null=True, blank=True)
    created_at = models.DateTimeField(_("found at"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)
    # Set when the parties have been told of it (claimed with a conditional update; see notify_pending_findings).
    notified_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("finding")
        verbose_name_plural = _("findings")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=[FindingStatus.OPEN, FindingStatus.RESOLVED]) | ~Q(reason=""),
                name="finding_reason_when_acknowledged_or_dismissed",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "kind"], name="finding_status_kind"),
            models.Index(fields=["year", "status"], name="finding_year_status"),
            models.Index(fields=["id"], name="finding_notify_todo", condition=Q(notified_at__isnull=True)),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.rule} #{self.pk}"


class ThesaurusEntry(models.Model):
    """Terms the overlap check (§1, §4) takes as one: an acronym, its expansion, synonyms, both languages."""

    terms = models.TextField(
        _("terms"),
        help_text=_("Danish and English terms that mean the same, separated by ';' — e.g. EDF; Den Europæiske Forsvarsfond; European Defence Fund. The first names the entry in explanations."),
    )
    weak = models.BooleanField(
        _("weak"), default=False,
        help_text=_("A format, an audience or the whole domain (seminar, SMV, members): it adds a little, but never by itself makes two activities the same."),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("thesaurus entry")
        verbose_name_plural = _("thesaurus entries")
        ordering = ["weak", "terms"]
        constraints = [models.CheckConstraint(condition=~Q(terms=""), name="thesaurus_entry_has_terms")]

    def __str__(self):
        return self.terms[:80]


class TermStatistics(models.Model):
    """How many of one year's activities (both plans) hold each feature: the IDF of the overlap check (§4)."""

    year = models.PositiveSmallIntegerField(unique=True)
    activities = models.PositiveIntegerField(default=0)
    frequencies = models.JSONField(default=dict)
    computed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("term statistics")
        verbose_name_plural = _("term statistics")

    def __str__(self):
        return f"{self.year}: {self.activities}"

"""The cooperation agreement between CenSec and DI FOS: parties, clauses, task areas, the Appendix 1
matrix and notices of termination (§6)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


def in_language(obj, field: str) -> str:
    """The Danish or English text of a bilingual field, by the active language (Danish as fallback)."""
    if (get_language() or "da").startswith("en"):
        return getattr(obj, f"{field}_en") or getattr(obj, f"{field}_da")
    return getattr(obj, f"{field}_da")


class Party(models.TextChoices):
    """The two parties to the agreement by slug (§2); DI, DI FOS's parent, is not one."""

    CENSEC = "censec", "CenSec"
    DIFOS = "difos", "DI FOS"

    @property
    def other(self) -> "Party":
        return Party.DIFOS if self is Party.CENSEC else Party.CENSEC


class Organisation(models.Model):
    """An organisation named in the agreement (§2): the parties CenSec and DI FOS, and DI, DI FOS's parent."""

    class Kind(models.TextChoices):
        PARTY = "party", _("Party to the agreement")
        CONFEDERATION = "confederation", _("Confederation")

    slug = models.SlugField(unique=True)
    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=50)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.PARTY)
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children", verbose_name=_("part of")
    )
    description_da = models.TextField(blank=True)
    description_en = models.TextField(blank=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["kind", "slug"]

    def __str__(self):
        return self.short_name

    @property
    def description(self) -> str:
        return in_language(self, "description")

    @property
    def is_party(self) -> bool:
        return self.kind == self.Kind.PARTY


class TaskArea(models.Model):
    """One of the five task areas of §4 (political, cluster, international, operational, other)."""

    slug = models.SlugField(unique=True)
    number = models.PositiveSmallIntegerField(unique=True)
    name_da = models.CharField(max_length=200)
    name_en = models.CharField(max_length=200)

    class Meta:
        verbose_name = _("task area")
        verbose_name_plural = _("task areas")
        ordering = ["number"]

    def __str__(self):
        return f"{self.number}. {self.name}"

    @property
    def name(self) -> str:
        return in_language(self, "name")


class Agreement(models.Model):
    """The cooperation agreement itself: its parties, when it was signed and its notice period (§6)."""

    slug = models.SlugField(unique=True)
    title_da = models.CharField(max_length=200)
    title_en = models.CharField(max_length=200)
    parties = models.ManyToManyField(Organisation, related_name="agreements")
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    notice_months = models.PositiveSmallIntegerField(_("notice period (months)"), default=3)
    # When `load_agreement` first wrote the agreement: the portal's first day. The monthly-contact
    # rule (§5) starts in this month; a later load leaves it alone.
    loaded_at = models.DateTimeField(_("loaded into the portal at"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")

    def __str__(self):
        return self.title

    @property
    def title(self) -> str:
        return in_language(self, "title")


class Clause(models.Model):
    """A section of the agreement or of Appendix 1, with the Danish original and an English reading."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="clauses")
    number = models.CharField(_("number"), max_length=20, help_text=_("'§3', 'Appendix 1.3', …"))
    slug = models.SlugField()
    order = models.PositiveSmallIntegerField()
    title_da = models.CharField(max_length=200)
    title_en = models.CharField(max_length=200)
    text_da = models.TextField(help_text=_("The Danish original, which prevails."))
    text_en = models.TextField(blank=True)

    class Meta:
        verbose_name = _("clause")
        verbose_name_plural = _("clauses")
        ordering = ["agreement", "order"]
        constraints = [models.UniqueConstraint(fields=["agreement", "slug"], name="clause_slug_unique")]

    def __str__(self):
        return f"{self.number} {self.title}"

    @property
    def title(self) -> str:
        return in_language(self, "title")

    @property
    def text(self) -> str:
        return in_language(self, "text")


class Lead(models.TextChoices):
    """Who holds a matrix row's responsibility; the values are what matrix.csv writes."""

    CENSEC = Party.CENSEC.value, Party.CENSEC.label
    DIFOS = Party.DIFOS.value, Party.DIFOS.label
    DI = "di", "DI"
    BOTH = "both", _("Both (each in its own right)")
    JOINT = "joint", _("Joint")
    EACH = "each", _("Each party")


class Duty(models.TextChoices):
    """What the agreement asks of the party that does not lead a matrix row."""

    NONE = "none", _("Nothing specific")
    INFORMED = "informed", _("Is informed")
    CONSULTED = "consulted", _("Is consulted")
    INVOLVED = "involved", _("Is informed and involved")
    JOINT = "joint", _("Carried out jointly")
    # 3.3 "hvor CenSec ligeledes deltager", 3.7 "CenSec kan i tæt samarbejde med DI FOS være involveret":
    # the other party may act under the row itself (no breach); the two coordinate.
    TAKES_PART = "takes_part", _("Also takes part")


class MatrixRow(models.Model):
    """One row of the Appendix 1 responsibility matrix (1.1–5.1): who leads a task and what the other party gets."""

    code = models.CharField(_("id"), max_length=10, unique=True)
    order = models.PositiveSmallIntegerField()
    area = models.ForeignKey(TaskArea, on_delete=models.PROTECT, related_name="rows", verbose_name=_("task area"))
    clause = models.ForeignKey(Clause, on_delete=models.PROTECT, related_name="rows", verbose_name=_("source"))
    responsibility_da = models.TextField()
    responsibility_en = models.TextField()
    lead = models.CharField(_("lead"), max_length=10, choices=Lead.choices)
    lead_with_parent = models.BooleanField(
        default=False, help_text=_("Held by 'Dansk Industri/DI FOS' together, as the agreement puts it.")
    )
    other_party_duty = models.CharField(_("other party"), max_length=10, choices=Duty.choices)
    other_party_da = models.TextField(blank=True)
    other_party_en = models.TextField(blank=True)
    single_track = models.BooleanField(
        _("single-track"), default=False, help_text=_("As a main rule contact runs through the lead, which keeps the other party informed (3.1).")
    )
    counterparts = models.TextField(blank=True, help_text=_("Named outside organisations, separated by ';'."))
    keywords_da = models.TextField(blank=True, help_text=_("Danish search words, separated by ';'."))
    keywords_en = models.TextField(blank=True, help_text=_("English search words, separated by ';'."))
    source_da = models.TextField(help_text=_("The sentence of the Danish original this row comes from."))

    class Meta:
        verbose_name = _("matrix row")
        verbose_name_plural = _("matrix rows")
        ordering = ["order"]

    def __str__(self):
        return f"{self.code} {self.responsibility[:60]}"

    @property
    def responsibility(self) -> str:
        return in_language(self, "responsibility")

    @property
    def other_party(self) -> str:
        return in_language(self, "other_party")

    @property
    def lead_party_slug(self) -> str | None:
        """The party that leads alone (DI counts as DI FOS's side), or None for shared rows."""
        return {Lead.CENSEC: Party.CENSEC, Lead.DIFOS: Party.DIFOS, Lead.DI: Party.DIFOS}.get(self.lead)

    @property
    def lead_label(self) -> str:
        if self.lead_with_parent:
            return "DI / DI FOS"
        return self.get_lead_display()

    @property
    def counterpart_list(self) -> list[str]:
        return [c.strip() for c in self.counterparts.split(";") if c.strip()]


class Notice(models.Model):
    """A party's notice of termination (§6): the agreement ends three calendar months after it is given."""

    agreement = models.ForeignKey(Agreement, on_delete=models.PROTECT, related_name="notices")
    party = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="notices", verbose_name=_("party"))
    given_on = models.DateField(_("notice given on"))
    ends_on = models.DateField(_("agreement ends on"))
    reason = models.TextField(_("note"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("recorded by")
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("withdrawn by"),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("notice of termination")
        verbose_name_plural = _("notices of termination")
        ordering = ["-recorded_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["agreement"], condition=Q(withdrawn_at__isnull=True), name="one_standing_notice"
            ),
            models.CheckConstraint(condition=Q(ends_on__gt=models.F("given_on")), name="notice_ends_after_given"),
        ]

    def __str__(self):
        return f"{self.party}: {self.given_on} → {self.ends_on}"

"""Boards, people, seats, meetings, agenda items and materials (§3 G1, G2)."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

__all__ = [
    "BoardPermission",
    "Board",
    "Person",
    "SeatRole",
    "Seat",
    "MeetingKind",
    "Meeting",
    "Confidentiality",
    "AgendaItem",
    "MaterialState",
    "Material",
    "MaterialVersion",
    "DownloadLog",
    "CalendarToken",
    "BoardRule",
    "BoardRuleState",
    "AttendanceAnswer",
    "Attendance",
]



class BoardPermission(models.TextChoices):
    """The guardian object permissions on a board (§3 G2), granted with a seat and revoked when it ends."""

    VIEW_ALL = "view_board_all", _("Sees every meeting item and material of the board (board member)")
    VIEW_OBSERVER = "view_board_observer", _("Sees the board's items except personnel and secretariat matters (observer)")

class Board(models.Model):
    """The board of one party (§3): CenSec's board holds the G1 seats, each board may take one G2 observer."""

    organisation = models.OneToOneField(
        "agreement.Organisation", on_delete=models.PROTECT, related_name="board", verbose_name=_("party")
    )
    name = models.CharField(_("name"), max_length=200)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("board")
        verbose_name_plural = _("boards")
        ordering = ["organisation__slug"]
        permissions = BoardPermission.choices

    def __str__(self):
        return self.name


class Person(models.Model):
    """A person who holds or has held a seat on a board (§3 G1: a company representative, maybe a CenSec member)."""

    name = models.CharField(_("name"), max_length=200)
    company = models.CharField(_("company"), max_length=200, blank=True)
    # §3 G1 "virksomhedsrepræsentant": a company and the person's role there (e.g. CEO, director).
    company_role = models.CharField(_("role in the company"), max_length=200, blank=True)
    email = models.EmailField(_("email"), blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="board_person",
        verbose_name=_("portal user"),
    )
    censec_member = models.BooleanField(_("member of CenSec"), default=False)
    # §3 G1 "villige til at udfylde disse poster iht. CenSec's vedtægter": when they accepted.
    statutes_accepted_on = models.DateField(_("accepted CenSec's statutes on"), null=True, blank=True)
    # The board whose secretariat registered the person (who may correct them besides the boards they sit on).
    registered_by = models.ForeignKey(
        "Board", on_delete=models.SET_NULL, null=True, blank=True, related_name="registered_people",
        verbose_name=_("registered by"),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.company})" if self.company else self.name


class SeatRole(models.TextChoices):
    CHAIR = "chair", _("Chair")
    VICE_CHAIR = "vice_chair", _("Vice-chair")
    MEMBER = "member", _("Member")
    OBSERVER = "observer", _("Observer")


class Seat(models.Model):
    """A person's seat on a board for a term (§3): a G1 seat when DI FOS nominated and backs it, a G2 observer seat."""

    board = models.ForeignKey(Board, on_delete=models.PROTECT, related_name="seats", verbose_name=_("board"))
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="seats", verbose_name=_("person"))
    role = models.CharField(_("role"), max_length=20, choices=SeatRole.choices, default=SeatRole.MEMBER)
    term_start = models.DateField(_("term start"))
    term_end = models.DateField(_("term end"), null=True, blank=True)
    nominated_by = models.ForeignKey(
        "agreement.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="nominated_seats",
        verbose_name=_("nominated by"),
    )
    backed_by_difos = models.BooleanField(_("backed by DI FOS"), default=False)
    backing_confirmed_on = models.DateField(_("DI FOS backing confirmed on"), null=True, blank=True)
    # Set when the seat's object permissions were revoked (its term is over); see seat_end.
    closed = models.BooleanField(_("ended"), default=False, editable=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("seat")
        verbose_name_plural = _("seats")
        ordering = ["board", "role", "person__name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(term_end__isnull=True) | Q(term_end__gt=F("term_start")),
                name="seat_term_end_after_start",
                violation_error_message=_("The term must end after it starts."),
            ),
            models.CheckConstraint(
                condition=Q(backed_by_difos=False) | Q(backing_confirmed_on__isnull=False),
                name="seat_backing_has_date",
                violation_error_message=_("Give the date DI FOS confirmed its backing."),
            ),
            models.CheckConstraint(
                condition=~Q(role=SeatRole.OBSERVER) | Q(nominated_by__isnull=False),
                name="seat_observer_nominated",
                violation_error_message=_("An observer must be nominated by a party."),
            ),
            # §3 G2: one observer per nominating party on a board at a time (open seats only;
            # the service also refuses overlapping terms, which a constraint cannot express).
            models.UniqueConstraint(
                fields=["board", "nominated_by"],
                condition=Q(role=SeatRole.OBSERVER, closed=False),
                name="seat_one_open_observer_per_party",
                violation_error_message=_("This party already has an observer on this board (§3 G2)."),
            ),
        ]

    def __str__(self):
        return f"{self.person} – {self.get_role_display()}, {self.board}"


class MeetingKind(models.TextChoices):
    BOARD_MEETING = "board_meeting", _("Board meeting")
    STRATEGY_SEMINAR = "strategy_seminar", _("Strategy seminar")


class Meeting(models.Model):
    """A board meeting or strategy seminar (§3 G2: observers may attend and speak at both)."""

    board = models.ForeignKey(Board, on_delete=models.PROTECT, related_name="meetings", verbose_name=_("board"))
    kind = models.CharField(_("kind"), max_length=20, choices=MeetingKind.choices, default=MeetingKind.BOARD_MEETING)
    title = models.CharField(_("title"), max_length=200)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    # The iCalendar SEQUENCE of its invitation: raised each time the meeting is moved, changed or cancelled.
    sequence = models.PositiveIntegerField(_("invitation sequence"), default=0, editable=False)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True, editable=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-starts_at"]
        indexes = [models.Index(fields=["board", "starts_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")),
                name="meeting_ends_after_start",
                violation_error_message=_("The meeting must end after it starts."),
            ),
        ]

    def __str__(self):
        return self.title


class Confidentiality(models.TextChoices):
    """§3 G2: observers see everything except personnel and internal-secretariat matters."""

    ORDINARY = "ordinary", _("Ordinary")
    PERSONNEL = "personnel", _("Personnel matters")
    INTERNAL_SECRETARIAT = "internal_secretariat", _("Internal secretariat matters")


class AgendaItem(models.Model):
    """One item on a meeting's agenda, with its confidentiality category (§3 G2)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items", verbose_name=_("meeting"))
    position = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    confidentiality = models.CharField(
        _("confidentiality"), max_length=30, choices=Confidentiality.choices, default=Confidentiality.ORDINARY
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["meeting", "position"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "position"], name="agenda_item_position_unique"),
        ]

    def __str__(self):
        return f"{self.position}. {self.title}"


class MaterialState(models.TextChoices):
    """The board pack (issue 12): prepared as a draft, published by the secretariat, maybe withdrawn."""

    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Material(models.Model):
    """A meeting material or the minutes (§3 G2), on a meeting or one agenda item, whose category it inherits.

    The file itself lives in its versions; `current` is the newest, so a page needs no extra query.
    """

    class Kind(models.TextChoices):
        MATERIAL = "material", _("Material")
        MINUTES = "minutes", _("Minutes")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="materials", verbose_name=_("meeting"))
    agenda_item = models.ForeignKey(
        AgendaItem,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="materials",
        verbose_name=_("agenda item"),
    )
    State = MaterialState

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.MATERIAL)
    title = models.CharField(_("title"), max_length=300)
    current = models.OneToOneField(
        "MaterialVersion", on_delete=models.PROTECT, null=True, blank=True, related_name="+", editable=False
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    # i12c: the board pack. Drafts and withdrawn materials are seen by the board's secretariat only;
    # `changed_at` is when its readers last got something new (published, new version, restored).
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.DRAFT, editable=False)
    published_at = models.DateTimeField(_("published"), null=True, blank=True, editable=False)
    changed_at = models.DateTimeField(_("changed for readers"), null=True, blank=True, editable=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("material")
        verbose_name_plural = _("materials")
        ordering = ["meeting", F("agenda_item__position").asc(nulls_first=True), "title", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(state=MaterialState.DRAFT) | Q(published_at__isnull=False, changed_at__isnull=False),
                name="material_published_has_date",
                violation_error_message=_("A published material has a publication date."),
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def confidentiality(self) -> str:
        """The category inherited from the agenda item; a material on the meeting itself is ordinary."""
        return self.agenda_item.confidentiality if self.agenda_item_id else Confidentiality.ORDINARY


class MaterialVersion(models.Model):
    """One uploaded file of a material (§3 G2 meeting material); a new version never deletes the old."""

    material = models.ForeignKey(Material, on_delete=models.CASCADE, related_name="versions", verbose_name=_("material"))
    number = models.PositiveSmallIntegerField(_("version"))
    file = models.FileField(_("file"), upload_to="materials/", max_length=300)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveBigIntegerField(_("size"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("uploaded by")
    )
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        verbose_name = _("material version")
        verbose_name_plural = _("material versions")
        ordering = ["material", "-number"]
        constraints = [models.UniqueConstraint(fields=["material", "number"], name="material_version_unique")]

    def __str__(self):
        return f"{self.original_name} (v{self.number})"


class DownloadLog(models.Model):
    """Who downloaded which board material when (§3 G2: access to meeting materials is accounted for)."""

    class Via(models.TextChoices):
        SINGLE = "single", _("Single file")
        ZIP = "zip", _("Zip of the meeting")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="material_downloads", verbose_name=_("user")
    )
    version = models.ForeignKey(
        MaterialVersion, on_delete=models.CASCADE, related_name="downloads", verbose_name=_("version")
    )
    via = models.CharField(_("via"), max_length=10, choices=Via.choices)
    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("download")
        verbose_name_plural = _("downloads")
        ordering = ["-at", "-pk"]

    def __str__(self):
        return f"{self.user} – {self.version} ({self.at:%Y-%m-%d %H:%M})"


def _new_token() -> str:
    return secrets.token_urlsafe(32)


class CalendarToken(models.Model):
    """A user's secret, revocable address of their calendar feed of board meetings (§3 G2 attendance)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_token", verbose_name=_("user")
    )
    token = models.CharField(max_length=64, unique=True, default=_new_token)
    created_at = models.DateTimeField(_("created"), auto_now=True)

    class Meta:
        verbose_name = _("calendar link")
        verbose_name_plural = _("calendar links")

    def __str__(self):
        return str(self.user)


class BoardRule(models.TextChoices):
    G1 = "G1", _("§3 G1: DI FOS representatives on CenSec's board")
    G2 = "G2", _("§3 G2: one observer from each party")


class BoardRuleState(models.Model):
    """Whether a §3 rule held for a board when last evaluated; a change from holding to broken tells people once.

    `breaks` counts the times the rule stopped holding, so each break has its own notification key.
    """

    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="rule_states", verbose_name=_("board"))
    rule = models.CharField(_("rule"), max_length=2, choices=BoardRule.choices)
    holds = models.BooleanField(_("holds"))
    reason = models.TextField(_("reason"), blank=True)
    since = models.DateField(_("since"))
    breaks = models.PositiveIntegerField(_("times broken"), default=0)
    checked_at = models.DateTimeField(_("checked"), auto_now=True)

    class Meta:
        verbose_name = _("board rule state")
        verbose_name_plural = _("board rule states")
        constraints = [models.UniqueConstraint(fields=["board", "rule"], name="board_rule_state_unique")]

    def __str__(self):
        return f"{self.board} {self.rule}: {self.holds}"
class AttendanceAnswer(models.TextChoices):
    ATTENDING = "attending", _("Attending")
    NOT_ATTENDING = "not_attending", _("Not attending")


class Attendance(models.Model):
    """A member's or observer's answer to a meeting's invitation (§3.2: observers attend and speak)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendances", verbose_name=_("meeting"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="meeting_attendances", verbose_name=_("user")
    )
    answer = models.CharField(_("answer"), max_length=20, choices=AttendanceAnswer.choices)
    answered_at = models.DateTimeField(_("answered"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendances")
        constraints = [models.UniqueConstraint(fields=["meeting", "user"], name="attendance_once_per_meeting")]

    def __str__(self):
        return f"{self.user} – {self.meeting}: {self.get_answer_display()}"

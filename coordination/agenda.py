"""The next director meeting's agenda (§5 O1), proposed from what changed since the last contact.

O1: "hver af organisationerne fremlægger planlagte aktiviteter og det konkrete samarbejde herom
drøftes og aftales". The proposal gathers, for both parties alike: activities new or changed in
the current plans since the last contact, open findings and open `inform` items of the plan
checks, plans waiting for approval (submitted), and action items past their date. Each source is
one query (activities: one per party), limited to AGENDA_LIMIT rows (one more is read to know
there are more, and a count says how many), so the proposal costs the same with ten activities
as with ten thousand.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from activities.models import Activity, Finding, FindingKind, FindingStatus, Plan, PlanStatus
from agreement.models import Party
from portal.dates import add_months, local_midnight, month_start

from .models import ActionItem, DirectorContact

AGENDA_LIMIT = 15


def current_plan_years(today: dt.date) -> tuple[int, int]:
    """The plans the directors present: this year's and next year's (prepared in the autumn)."""
    return today.year, today.year + 1


@dataclass
class AgendaSection:
    """One source of the proposal: a heading and its lines; `more` rows left out past the limit."""

    key: str
    title: str
    lines: list[str] = field(default_factory=list)
    more: int = 0


@dataclass
class Agenda:
    since: dt.datetime
    last_contact: DirectorContact | None
    sections: list[AgendaSection]

    @property
    def empty(self) -> bool:
        return not any(s.lines for s in self.sections)

    def text(self) -> str:
        """The proposal as plain text for the form's agenda field: headings, then one line per item."""
        since = timezone.localtime(self.since)
        parts = [_("Proposed from what changed since %(date)s.") % {"date": f"{since:%Y-%m-%d}"}]
        for section in self.sections:
            if not section.lines:
                continue
            lines = [f"- {line}" for line in section.lines]
            if section.more:
                lines.append("- " + ngettext("… and %(n)d more", "… and %(n)d more", section.more) % {"n": section.more})
            parts.append("\n".join([section.title, *lines]))
        if self.empty:
            parts.append(_("Nothing has changed in the plans, findings or action items."))
        return "\n\n".join(parts)


def last_contact(*, now: dt.datetime) -> DirectorContact | None:
    """The latest contact that has taken place (a meeting logged ahead of time is not the last one)."""
    return DirectorContact.objects.filter(occurred_at__lte=now).order_by("-occurred_at", "-id").first()


def _limited(qs) -> tuple[list, int]:
    rows = list(qs[: AGENDA_LIMIT + 1])
    if len(rows) <= AGENDA_LIMIT:
        return rows, 0
    return rows[:AGENDA_LIMIT], qs.count() - AGENDA_LIMIT


def _activity_line(activity: Activity) -> str:
    return f"{activity.plan.organisation.short_name}: {activity.title} ({activity.start:%Y-%m-%d})"


def _finding_line(finding: Finding) -> str:
    titles = "; ".join(a.title for a in finding.activities.all())
    line = f"{finding.get_kind_display()} {finding.rule}: {titles or finding.detail}"
    return line if not finding.detail or not titles else f"{line} ({finding.detail})"


def _plan_line(plan: Plan) -> str:
    """"CenSec 2027, submitted 2026-11-02; approved by CenSec, waits for DI FOS" (approvals of the current revision)."""
    approved = sorted({a.party.short_name for a in plan.approvals.all() if a.revision == plan.revision})
    line = _("%(party)s %(year)s, submitted %(date)s") % {
        "party": plan.organisation.short_name, "year": plan.year,
        "date": f"{timezone.localtime(plan.submitted_at):%Y-%m-%d}" if plan.submitted_at else "–"}
    if approved:
        line += "; " + _("approved by %(parties)s") % {"parties": ", ".join(approved)}
    return line


def agenda_proposal(*, now: dt.datetime | None = None) -> Agenda:
    """What the next meeting could go through: every source since the last contact (at most ten queries).

    With no contact yet, "since" is the start of the previous month.
    """
    now = now or timezone.now()
    today = timezone.localdate(now)
    last = last_contact(now=now)
    since = last.occurred_at if last else local_midnight(add_months(month_start(today), -1))
    years = current_plan_years(today)
    activities = Activity.objects.filter(plan__year__in=years).select_related("plan__organisation")
    findings = (
        Finding.objects.filter(status=FindingStatus.OPEN).prefetch_related("activities").order_by("created_at", "id")
    )
    sources = [
        ("new_activities", _("New activities in the plans"),
         activities.filter(created_at__gt=since).order_by("plan__organisation__slug", "start", "id"), _activity_line),
        ("changed_activities", _("Changed activities in the plans"),
         activities.filter(created_at__lte=since, updated_at__gt=since).order_by("plan__organisation__slug", "start", "id"),
         _activity_line),
        ("findings", _("Open findings of the plan checks"), findings.exclude(kind=FindingKind.INFORM), _finding_line),
        ("inform", _("Open items to inform or involve the other party"), findings.filter(kind=FindingKind.INFORM), _finding_line),
        ("plans", _("Plans waiting for approval"),
         Plan.objects.filter(status=PlanStatus.SUBMITTED).select_related("organisation")
         .prefetch_related("approvals__party").order_by("year", "organisation__slug"),
         _plan_line),
        ("action_items", _("Overdue action items"),
         ActionItem.objects.filter(done=False, due_on__lt=today).select_related("owner").order_by("due_on", "id"),
         lambda i: f"{i.text} ({i.owner}, {i.due_on:%Y-%m-%d})"),
    ]
    sections = []
    for key, title, qs, line in sources:
        # Activities per party, so that one long plan does not push the other party's news off the agenda.
        parts = [qs.filter(plan__organisation__slug=slug) for slug in Party.values] if key.endswith("_activities") else [qs]
        section = AgendaSection(key, title)
        for part in parts:
            rows, more = _limited(part)
            section.lines += [line(r) for r in rows]
            section.more += more
        sections.append(section)
    return Agenda(since=since, last_contact=last, sections=sections)

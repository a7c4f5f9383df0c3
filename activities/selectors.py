"""Reads for activity plans: the plan table, history, findings, the timeline and the dashboard's figures."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from agreement.selectors import parties_by_slug
from agreement.models import Organisation, TaskArea
from portal import permissions
from portal.registry import page_extensions

from .explain import Side, explain, organisations, sides
from .services.analysis import analyzer_for
from .models import Activity, Finding, FindingKind, FindingStatus, Plan
from .services.findings import findings_with_activities
from .changes import ChangeDescriber

SORTS = {
    "start": ("start", "id"), "-start": ("-start", "-id"),
    "end": ("end", "id"), "-end": ("-end", "-id"),
    "title": ("title", "id"), "-title": ("-title", "-id"),
    "area": ("task_area__number", "start", "id"), "-area": ("-task_area__number", "start", "id"),
    "status": ("status", "start", "id"), "-status": ("-status", "start", "id"),
}


def parties() -> dict[str, Organisation]:
    return parties_by_slug()


def plan_url(plan_or_slug, year: int | None = None) -> str:
    if isinstance(plan_or_slug, Plan):
        return reverse("activities:plan", args=[plan_or_slug.organisation.slug, plan_or_slug.year])
    return reverse("activities:plan", args=[plan_or_slug, year])


@dataclass
class YearRow:
    year: int
    plans: list[tuple[Organisation, Plan | None]] = field(default_factory=list)


def plans_by_year(*, user) -> list[YearRow]:
    """Both parties' plans, newest year first; this year and next are always listed, planned or not."""
    party_list = list(parties().values())
    plans = {
        (p.organisation_id, p.year): p
        for p in permissions.visible_plans(user).select_related("organisation").annotate(activity_count=Count("activities"))
    }
    this_year = timezone.localdate().year
    years = sorted({this_year, this_year + 1} | {year for _org, year in plans}, reverse=True)
    return [YearRow(year, [(org, plans.get((org.pk, year))) for org in party_list]) for year in years]


def plan_get(*, user, org: str, year: int):
    """The plan, or None; a user who may not see plans gets None too (the view answers 404)."""
    return permissions.visible_plans(user).select_related("organisation").filter(organisation__slug=org, year=year).first()


def plan_previous(*, user, plan: Plan) -> Plan | None:
    """The same party's latest earlier plan: what "copy from last year" copies."""
    return permissions.visible_plans(user).filter(organisation=plan.organisation_id, year__lt=plan.year).order_by("-year").first()


def plan_activities(*, user, plan: Plan, q: str = "", task_area: TaskArea | None = None, status: str = "", sort: str = "start"):
    """The plan's activities, filtered and sorted, each with its count of open findings (one query per page)."""
    qs = (
        Activity.objects.filter(plan=plan, plan__in=permissions.visible_plans(user))
        .select_related("task_area", "matrix_row", "partner")
        .annotate(open_findings=Count("findings", filter=Q(findings__status=FindingStatus.OPEN)))
    )
    if q:
        qs = qs.filter(Q(title__icontains=q) | Q(description__icontains=q) | Q(topics__icontains=q) | Q(counterparts__icontains=q))
    if task_area:
        qs = qs.filter(task_area=task_area)
    if status:
        qs = qs.filter(status=status)
    return qs.order_by(*SORTS.get(sort, SORTS["start"]))


def plan_export_rows(*, user, plan: Plan) -> list[list[str]]:
    """The plan's activities as spreadsheet rows, in the contract's column order."""
    activities = Activity.objects.filter(plan=plan, plan__in=permissions.visible_plans(user))
    return [
        [
            a.title, a.description, a.task_area.slug, a.matrix_row.code if a.matrix_row_id else "",
            a.start.isoformat(), a.end.isoformat(), a.topics, a.counterparts, a.target_groups,
            "yes" if a.common_interest else "no", a.status, a.visibility,
        ]
        for a in activities.select_related("task_area", "matrix_row").order_by("start", "id")
    ]


@dataclass
class ImportColumn:
    name: str
    meaning: str
    allowed: list[tuple[str, str]]  # (code, what it means); empty: free text or a date
    required: bool = False


def plan_import_columns() -> list[ImportColumn]:
    """What each plan spreadsheet column holds and, for the coded ones, every allowed code (CONTRACT.md)."""
    from agreement.models import MatrixRow

    from .models import ActivityStatus, Visibility

    return [
        ImportColumn("title", _("The activity's title."), [], required=True),
        ImportColumn("description", _("Free text; may be empty."), []),
        ImportColumn("task_area", _("The §4 task area."), [(a.slug, a.name) for a in TaskArea.objects.order_by("number")], required=True),
        ImportColumn(
            "responsibility", _("The Appendix 1 matrix row it falls under; may be empty."),
            [(r.code, r.responsibility) for r in MatrixRow.objects.order_by("order")],
        ),
        ImportColumn("start", _("First day, YYYY-MM-DD."), [], required=True),
        ImportColumn("end", _("Last day, YYYY-MM-DD; on or after start."), [], required=True),
        ImportColumn("topics", _("Keywords, separated by ';'."), []),
        ImportColumn("counterparts", _("Named outside organisations (e.g. Lockheed Martin), separated by ';'."), []),
        ImportColumn("target_groups", _("Who it is for, separated by ';'."), []),
        ImportColumn("common_interest", _("Of common interest to both parties (§4)? Empty means no."), [("yes", _("Yes")), ("no", _("No"))]),
        ImportColumn("status", _("Empty means planned."), list(ActivityStatus.choices)),
        ImportColumn(
            "visibility", _("Who outside the two secretariats may see it; optional column, empty means internal."),
            list(Visibility.choices),
        ),
    ]


def plan_import_example(*, plan: Plan) -> list[str]:
    """One valid example row for the import template, dated in the plan's year."""
    return [
        _("Example: matchmaking day for SMEs (delete this row)"), _("What, for whom, and why."), "cluster", "2.1",
        f"{plan.year}-03-10", f"{plan.year}-03-11", "matchmaking; innovation", "", _("SMEs; knowledge institutions"),
        "no", "planned", "internal",
    ]


@dataclass
class HistoryEntry:
    when: dt.datetime
    who: object
    what: str
    action: str
    changes: list[tuple[str, str, str]]


ACTIONS = {"+": "created", "~": "changed", "-": "deleted"}


def activity_history(*, user, plan: Plan, activity_id: int | None = None, limit: int = 15) -> list[HistoryEntry]:
    """The latest changes to a plan's activities (or to one), each with its before/after values; a fixed number of queries.

    1. Read the latest history records, each annotated with the id of the record before it.
    2. Read those earlier records in one query, and the names of related rows once; compare field by field.
    """
    History = Activity.history.model
    qs = History.objects.filter(plan_id=plan.pk)
    if activity_id is not None:
        qs = qs.filter(id=activity_id)
    previous_id = History.objects.filter(id=OuterRef("id"), history_date__lt=OuterRef("history_date")).order_by("-history_date")
    records = list(
        qs.select_related("history_user").annotate(previous_id=Subquery(previous_id.values("history_id")[:1]))
        .order_by("-history_date", "-history_id")[:limit]
    )
    if not records:
        return []
    previous = History.objects.in_bulk([r.previous_id for r in records if r.previous_id])
    describe = ChangeDescriber()
    return [
        HistoryEntry(r.history_date, r.history_user, r.title, ACTIONS.get(r.history_type, r.history_type),
                     describe.changes(previous[r.previous_id], r) if r.previous_id in previous else [])
        for r in records
    ]


def plan_history(*, user, plan: Plan, limit: int = 5):
    return plan.history.select_related("history_user").order_by("-history_date")[:limit]


@dataclass
class PagePart:
    """What another app adds to one object of a page (portal.registry.PageExtension): its template and data."""

    template: str
    data: object
    csv_column: str = ""


def page_parts(page: str, objects: list, *, user) -> dict[int, list[PagePart]]:
    """For each object (by pk), the parts the higher apps add to `page`; each extension reads all objects at once."""
    parts: dict[int, list[PagePart]] = {obj.pk: [] for obj in objects}
    for extension in page_extensions(page):
        values = extension.data(user=user, objects=objects) if objects else {}
        for obj in objects:
            parts[obj.pk].append(PagePart(extension.template, values.get(obj.pk), extension.csv_column))
    return parts


@dataclass
class FindingRow:
    finding: Finding
    explanation: str
    organisations: list[str]
    sides: list[Side] = field(default_factory=list)
    # What other apps add (coordination: the parties' words and the forms to give one).
    parts: list[PagePart] = field(default_factory=list)


def finding_rows(findings, party_map: dict[str, Organisation], *, user) -> list[FindingRow]:
    """The findings as the page, the CSV and `check_plans` show them; the thesaurus is read once for all."""
    analyzer = analyzer_for()
    findings = list(findings)
    parts = page_parts("finding", findings, user=user)
    return [FindingRow(f, explain(f, party_map, analyzer), organisations(f), sides(f, analyzer), parts[f.pk]) for f in findings]


def findings_csv_columns() -> list[str]:
    """The CSV's columns: the contract's and issue 9's, then one per column another app adds (coordination: `words`)."""
    return FINDINGS_CSV_COLUMNS + [e.csv_column for e in page_extensions("finding") if e.csv_column]


# The contract's columns first; what follows is for people reading the file.
FINDINGS_CSV_COLUMNS = [
    "id", "kind", "rule", "organisations", "activities", "status", "explanation", "score", "matched_words", "plan_years", "dates",
]


def finding_csv_row(row: FindingRow) -> list:
    """A finding as the CSV columns of the findings page (and `check_plans --format csv`)."""
    finding = row.finding
    titles = [side.activity.title for side in row.sides]
    return [
        finding.pk, finding.kind, finding.rule, " | ".join(row.organisations), " | ".join(titles), finding.status, row.explanation,
        "" if finding.score is None else f"{finding.score:.2f}",
        " | ".join(", ".join(side.matched) for side in row.sides) if finding.score is not None else "",
        " | ".join(str(side.activity.plan.year) for side in row.sides),
        " | ".join(f"{side.activity.start.isoformat()}/{side.activity.end.isoformat()}" for side in row.sides),
        *("" if part.data is None else str(part.data) for part in row.parts if part.csv_column),
    ]


def findings_filtered(*, user, kind: str = "", party: str = "", status: str = "", year: int | None = None, pk: int | None = None):
    """Findings the user may see, filtered; newest first. Activities come prefetched for the explanations."""
    qs = permissions.visible_findings(user)
    if pk:
        qs = qs.filter(pk=pk)
    if kind:
        qs = qs.filter(kind=kind)
    if status:
        qs = qs.filter(status=status)
    if year:
        qs = qs.filter(year=year)
    if party:
        qs = qs.filter(pk__in=Finding.objects.filter(activities__plan__organisation__slug=party).values("pk"))
    return findings_with_activities(qs.order_by("-created_at", "-id"))


def plan_findings(*, user, plan: Plan):
    """Open and acknowledged findings on a plan's activities."""
    return findings_with_activities(
        permissions.visible_findings(user)
        .filter(pk__in=Finding.objects.filter(activities__plan=plan).values("pk"))
        .filter(status__in=[FindingStatus.OPEN, FindingStatus.ACKNOWLEDGED])
        .order_by("status", "-created_at")
    )


def plan_pending_checks(*, user, plan: Plan) -> int:
    return plan.activities.filter(needs_check=True).count()


# --- Timeline -------------------------------------------------------------------------------------

DAY_WIDTH = 3  # px per day on the 12-month axis
LANE_HEIGHT = 18
LABEL_WIDTH = 90


@dataclass
class Bar:
    activity: Activity
    x: int
    y: int
    width: int
    colour: int


@dataclass
class Link:
    finding: Finding
    x1: int
    y1: int
    x2: int
    y2: int


@dataclass
class Timeline:
    year: int
    width: int
    height: int
    months: list[tuple[int, str]]
    lanes: list[tuple[Organisation, int, int]]  # party, top, height
    bars: list[Bar]
    links: list[Link]
    marks: list[Link]
    areas: list[TaskArea]


def _pack(activities: list[Activity]) -> dict[int, int]:
    """Row index of each activity, greedily: an activity goes in the first row free on its start day."""
    rows_end: list[dt.date] = []
    placed = {}
    for activity in activities:
        for i, end in enumerate(rows_end):
            if end < activity.start:
                rows_end[i] = activity.end
                placed[activity.pk] = i
                break
        else:
            rows_end.append(activity.end)
            placed[activity.pk] = len(rows_end) - 1
    return placed


def timeline(*, user, year: int) -> Timeline:
    """Both plans of a year on one 12-month axis, and the findings as links between their activities.

    1. Read the year's activities of both parties (not cancelled) and their open findings.
    2. Pack each party's activities into rows so none cover each other; one lane per party.
    3. Place each bar by day of year; a finding between two bars is a line, on one bar a mark.
    """
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    party_list = list(parties().values())
    activities = list(
        Activity.objects.filter(plan__in=permissions.visible_plans(user).filter(year=year))
        .exclude(status="cancelled").select_related("plan", "task_area").order_by("start", "id")
    )
    areas = list(TaskArea.objects.order_by("number"))
    colour = {a.pk: a.number for a in areas}
    bars, lanes, top = {}, [], 30
    for org in party_list:
        own = [a for a in activities if a.plan.organisation_id == org.pk]
        rows = _pack(own)
        height = (max(rows.values(), default=0) + 1) * LANE_HEIGHT + 10
        for a in own:
            start, end = max(a.start, first), min(a.end, last)
            x = LABEL_WIDTH + (start - first).days * DAY_WIDTH
            bars[a.pk] = Bar(a, x, top + 5 + rows[a.pk] * LANE_HEIGHT, max(DAY_WIDTH, ((end - start).days + 1) * DAY_WIDTH), colour[a.task_area_id])
        lanes.append((org, top, height))
        top += height + 10
    links, marks = [], []
    found = Finding.objects.filter(activities__in=[a.pk for a in activities], status=FindingStatus.OPEN).distinct()
    for finding in found.prefetch_related("activities"):
        ends = [bars[a.pk] for a in finding.activities.all() if a.pk in bars]
        if len(ends) >= 2:
            a, b = ends[0], ends[1]
            links.append(Link(finding, a.x + a.width // 2, a.y + 6, b.x + b.width // 2, b.y + 6))
        elif ends:
            marks.append(Link(finding, ends[0].x, ends[0].y + 6, ends[0].x, ends[0].y + 6))
    months = [(LABEL_WIDTH + (dt.date(year, m, 1) - first).days * DAY_WIDTH, dt.date(year, m, 1).strftime("%m")) for m in range(1, 13)]
    width = LABEL_WIDTH + 366 * DAY_WIDTH + 10
    return Timeline(year, width, top + 10, months, lanes, list(bars.values()), links, marks, areas)


# --- The dashboard's figures ----------------------------------------------------------------------


def dashboard_findings(*, user) -> dict[str, int]:
    """Open findings by kind that the user may see, in one query."""
    kinds = [k.value for k in FindingKind]
    if not permissions.may_use_activities(user):
        return dict.fromkeys(kinds, 0)
    counts = permissions.visible_findings(user).filter(status=FindingStatus.OPEN).aggregate(
        **{k: Count("pk", filter=Q(kind=k)) for k in kinds}
    )
    return {k: counts[k] or 0 for k in kinds}


def dashboard_plans(*, user, years: list[int]) -> list[dict]:
    """Each party's plan for each of `years` (also those not started yet), with its status and size; two queries."""
    if not permissions.may_use_activities(user):
        return []
    plans = {
        (p.organisation_id, p.year): p
        for p in permissions.visible_plans(user).filter(year__in=years).annotate(activity_count=Count("activities"))
    }
    result = []
    party_list = list(parties().values())
    for year in years:
        for org in party_list:
            plan = plans.get((org.pk, year))
            result.append({
                "organisation": org,
                "year": year,
                "status": plan.status if plan else "",
                "status_display": plan.get_status_display() if plan else _("Not started"),
                "url": plan_url(org.slug, year) if plan else f"{reverse('activities:index')}#year-{year}",
                "activity_count": plan.activity_count if plan else 0,
            })
    return result



# --- i11d: joint activities waiting for the partner party's word -----------------------------------


def partner_confirmations_awaiting(*, user):
    """Activities of the other party naming the user's party as partner, not yet confirmed: what waits
    for this user's word (for the dashboard's "waiting for your party"); one query when evaluated."""
    from .models import ActivityStatus

    mine = permissions.staff_organisations(user)
    qs = Activity.objects.filter(partner_id__in=mine, partner_confirmed_at__isnull=True, plan__in=permissions.visible_plans(user))
    return (
        qs.exclude(plan__organisation_id__in=mine).exclude(status=ActivityStatus.CANCELLED)
        .select_related("plan__organisation", "partner").order_by("start", "id")
    )

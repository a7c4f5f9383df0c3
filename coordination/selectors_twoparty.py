"""Reads for the two parties' words (§4): who approved a plan when and what still waits, each finding's
words, and what waits for a director's own party (the dashboard). Each reads all objects at once."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, Window
from django.db.models import prefetch_related_objects
from django.urls import reverse
from django.utils.translation import gettext as _

from activities.models import Activity, Finding, FindingKind, FindingStatus, Plan, PlanStatus
from activities.selectors import partner_confirmations_awaiting
from agreement.models import Organisation
from agreement.selectors import parties_by_slug
from portal import permissions

from .models import DirectorContact, FindingWord, PlanApproval, WordOutcome
from .permissions import director_party, finding_deciders, staff_party
from .services_twoparty import outcomes_for

RECENT_CONTACTS = 12


def _parties() -> list[Organisation]:
    return sorted(parties_by_slug().values(), key=lambda o: o.slug)


# --- Plans ------------------------------------------------------------------------------------------


@dataclass
class PartyApproval:
    party: Organisation
    approval: PlanApproval | None  # of the plan's current revision
    earlier: PlanApproval | None  # the party's latest approval of an earlier revision


@dataclass
class PlanCoordination:
    plan: Plan
    parties: list[PartyApproval]
    open_findings: int
    user_party: Organisation | None
    may_approve: bool
    may_settle: bool

    @property
    def waiting(self) -> list[Organisation]:
        return [p.party for p in self.parties if p.approval is None]


def plan_coordination(*, user, objects: list[Plan]) -> dict[int, PlanCoordination]:
    """Per plan: each party's approval of the current revision (and of an earlier one), the open findings, what the user may do."""
    plans = list(objects)
    approvals: dict[tuple[int, int], list[PlanApproval]] = {}
    for a in PlanApproval.objects.filter(plan__in=plans).select_related("approved_by").order_by("-revision", "-approved_at"):
        approvals.setdefault((a.plan_id, a.party_id), []).append(a)
    open_counts = dict(
        Finding.objects.filter(activities__plan__in=plans, status=FindingStatus.OPEN)
        .values_list("activities__plan").annotate(n=Count("pk", distinct=True)).order_by()
    )
    party_id = director_party(user)
    result = {}
    for plan in plans:
        rows = []
        for party in _parties():
            given = approvals.get((plan.pk, party.pk), [])
            current = next((a for a in given if a.revision == plan.revision), None)
            earlier = next((a for a in given if a.revision < plan.revision), None)
            rows.append(PartyApproval(party, current, earlier))
        mine = next((r for r in rows if r.party.pk == party_id), None)
        may = permissions.may_coordinate_plan(user, plan)
        all_approved = all(r.approval for r in rows)
        result[plan.pk] = PlanCoordination(
            plan=plan, parties=rows, open_findings=open_counts.get(plan.pk, 0), user_party=mine.party if mine else None,
            may_approve=may and mine is not None and mine.approval is None,
            may_settle=may and all_approved and not open_counts.get(plan.pk, 0) and plan.status == PlanStatus.SUBMITTED,
        )
    return result


# --- Findings ---------------------------------------------------------------------------------------


@dataclass
class FindingWords:
    finding: Finding
    words: list[FindingWord]
    deciders: list[Organisation]
    waiting: list[Organisation]
    may_acknowledge: bool = False
    may_dismiss: bool = False
    may_propose: bool = False
    outcomes: list[tuple[str, str]] = field(default_factory=list)
    parties: list[Organisation] = field(default_factory=list)
    contacts: list[DirectorContact] = field(default_factory=list)

    @property
    def may_answer(self) -> bool:
        return self.may_acknowledge or self.may_dismiss or self.may_propose

    @property
    def names_party(self) -> bool:
        return any(o in (WordOutcome.WITHDRAWN, WordOutcome.MOVED) for o, _label in self.outcomes)

    @property
    def divides(self) -> bool:
        return any(o == WordOutcome.DIVISION for o, _label in self.outcomes)

    def __str__(self) -> str:
        """The words as one CSV cell: `party: word, outcome (who, when; agreed at …): reason`, joined with ` | `."""
        cells = []
        for w in self.words:
            outcome = w.get_outcome_display()
            if w.acting_party_id:
                outcome = f"{outcome} ({w.acting_party.short_name})"
            if w.division:
                outcome = f"{outcome}: {w.division}"
            where = f"; {_('agreed at')} {w.contact}" if w.contact_id else ""
            cells.append(
                f"{w.party.slug}: {w.get_action_display()}, {outcome} ({w.user}, {w.created_at:%Y-%m-%d}{where}): {w.reason}"
            )
        return " | ".join(cells)


def finding_words(*, user, objects: list[Finding]) -> dict[int, FindingWords]:
    """Per finding: the parties' words (who said what, where agreed), whose word still waits, and what the user may say.

    One query for all the words; one for the recent director contacts, only if the user may answer one.
    """
    findings = list(objects)
    prefetch_related_objects(
        findings, Prefetch("words", queryset=FindingWord.objects.select_related("party", "user", "acting_party", "contact"))
    )
    parties = _parties()
    by_id = {p.pk: p for p in parties}
    result = {}
    for f in findings:
        deciders = finding_deciders(f)
        spoken = {w.party_id for w in f.words.all()}
        result[f.pk] = FindingWords(
            finding=f, words=list(f.words.all()),
            deciders=[by_id[p] for p in sorted(deciders) if p in by_id],
            waiting=[by_id[p] for p in sorted(deciders - spoken) if p in by_id] if f.status == FindingStatus.OPEN else [],
            may_acknowledge=permissions.may_acknowledge_finding(user, f), may_dismiss=permissions.may_dismiss_finding(user, f),
            may_propose=permissions.may_propose_finding(user, f),
        )
    answerable = [r for r in result.values() if r.may_answer]
    if answerable:
        contacts = list(DirectorContact.objects.order_by("-occurred_at", "-id")[:RECENT_CONTACTS]) if permissions.may_view_contacts(user) else []
        labels = dict(WordOutcome.choices)
        for row in answerable:
            row.outcomes = [(o, labels[o]) for o in outcomes_for(row.finding)]
            row.parties, row.contacts = parties, contacts
    return result


# --- What waits for a party's word (the dashboard) ------------------------------------------------

TOLD_KINDS = (FindingKind.COMMON_INTEREST, FindingKind.INFORM)
WAITING_LIST = 5


def findings_waiting_for(party_id: int):
    """Open findings that need `party_id`'s word and do not have it yet (the rule of `finding_deciders`, in SQL)."""
    own = Activity.objects.filter(findings=OuterRef("pk"), plan__organisation_id=party_id)
    others = Activity.objects.filter(findings=OuterRef("pk")).exclude(plan__organisation_id=party_id)
    spoken = FindingWord.objects.filter(finding=OuterRef("pk"), party_id=party_id)
    return (
        Finding.objects.filter(status=FindingStatus.OPEN)
        .filter((Q(kind__in=TOLD_KINDS) & ~Exists(own)) | (~Q(kind__in=TOLD_KINDS) & Exists(others)))
        .exclude(Exists(spoken))
    )


def plans_waiting_for(party_id: int):
    """Submitted plans whose current revision `party_id` has not approved."""
    approved = PlanApproval.objects.filter(plan=OuterRef("pk"), party_id=party_id, revision=OuterRef("revision"))
    return Plan.objects.filter(status=PlanStatus.SUBMITTED).exclude(Exists(approved))


def waiting_for_my_party(*, user) -> dict | None:
    """What waits for the user's party's word: plans to approve (directors), findings to answer, joint activities to confirm; three queries."""
    party_id = staff_party(user)
    if party_id is None or not permissions.may_use_activities(user):
        return None
    party = next((p for p in _parties() if p.pk == party_id), None)
    plans = []
    if director_party(user) == party_id:
        plans = [
            {"plan": p, "url": reverse("activities:plan", args=[p.organisation.slug, p.year])}
            for p in plans_waiting_for(party_id).select_related("organisation").order_by("year", "organisation__slug")[:10]
        ]
    # The first few and how many in all, in one query (the window counts before the limit).
    first = list(findings_waiting_for(party_id).annotate(total=Window(Count("pk"))).order_by("-created_at", "-id")[:WAITING_LIST])
    findings = [{"finding": f, "url": f"{reverse('activities:findings')}?id={f.pk}"} for f in first]
    # Joint activities of the other party naming this one as partner, not yet confirmed (one query).
    partners = [
        {"activity": a, "url": reverse("activities:activity", args=[a.plan.organisation.slug, a.plan.year, a.pk])}
        for a in partner_confirmations_awaiting(user=user)[:WAITING_LIST]
    ]
    return {
        "party": party, "plans": plans, "findings": findings, "findings_count": first[0].total if first else 0,
        "partners": partners,
    }

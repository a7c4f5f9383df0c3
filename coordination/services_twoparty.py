"""Writes for the two parties' words (§4): a party's approval of a plan, and a party's word on a finding.

Where the agreement says the two parties do something together, the portal needs a word from each:
a plan is coordinated once a director of each party has approved its current revision and no
finding on it is open; a finding about one party's activity closes with the other party's word, an
overlap of both parties' activities with both words, and a common-interest or inform finding with
the word of the party that is told. The writes to plans and findings themselves are activities'
(`plan_mark_coordinated`, `finding_close`); this module decides when.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from activities.models import Finding, FindingDuty, FindingKind, FindingStatus, Plan, PlanStatus
from activities.services.findings import check_activity, finding_close
from activities.services.plans import plan_mark_coordinated
from agreement.models import Organisation
from agreement.selectors import parties_by_slug
from portal import permissions
from portal.dashboard_cache import dashboard_changed

from .models import ACTING_OUTCOMES, DirectorContact, FindingWord, PlanApproval, WordAction, WordOutcome
from .permissions import director_party, finding_deciders, finding_owners, party_ids, staff_party


def _names(ids) -> str:
    by_id = {o.pk: o.short_name for o in parties_by_slug().values()}
    return _(" and ").join(sorted(by_id.get(i, str(i)) for i in ids))


# --- Plans ------------------------------------------------------------------------------------------


@dataclass
class ApprovalResult:
    approval: PlanApproval
    created: bool
    coordinated: bool
    waiting_for: list[int]  # parties that have not approved the current revision
    open_findings: int


def plan_open_findings(plan: Plan) -> int:
    return Finding.objects.filter(activities__plan=plan, status=FindingStatus.OPEN).distinct().count()


def plan_approve(*, user, plan: Plan) -> ApprovalResult:
    """A director records their party's approval of the plan's current revision (§4).

    1. Refuse anyone but a director of one party (an administrator speaks for neither) and any plan
       that is not submitted.
    2. Run any check still pending for the plan's activities, so nothing unchecked is approved.
    3. Store the approval of (plan, party, current revision) once; a second click changes nothing.
    4. Settle the plan: coordinated once each party has approved this revision and no finding is open.
    """
    if not permissions.may_coordinate_plan(user, plan):
        if plan.status != PlanStatus.SUBMITTED:
            raise PermissionDenied(_("Only a submitted plan waits for the parties' approval."))
        raise PermissionDenied(
            _("Only a director of CenSec or DI FOS approves a plan, for their own party; an administrator speaks for neither party.")
        )
    party = director_party(user)
    for pk in plan.activities.filter(needs_check=True).values_list("pk", flat=True):
        check_activity(pk)
    revision = Plan.objects.filter(pk=plan.pk).values_list("revision", flat=True).get()
    try:
        with transaction.atomic():
            approval, created = PlanApproval.objects.get_or_create(
                plan=plan, party_id=party, revision=revision, defaults={"approved_by": user}
            )
    except IntegrityError:  # the same party's other director clicked at the same moment
        approval, created = PlanApproval.objects.get(plan=plan, party_id=party, revision=revision), False
    if created:
        dashboard_changed()
    coordinated = plan_settle(plan=plan, user=user)
    approved = set(PlanApproval.objects.filter(plan=plan, revision=revision).values_list("party_id", flat=True))
    return ApprovalResult(approval, created, coordinated, sorted(party_ids() - approved), plan_open_findings(plan))


def plan_settle(*, plan: Plan, user) -> bool:
    """Mark the plan coordinated if each party has approved its current revision and no finding on it is open."""
    current = Plan.objects.filter(pk=plan.pk).values("status", "revision").first()
    if current is None or current["status"] != PlanStatus.SUBMITTED:
        return False
    approved = set(PlanApproval.objects.filter(plan=plan, revision=current["revision"]).values_list("party_id", flat=True))
    if not party_ids() <= approved or plan_open_findings(plan):
        return False
    done = plan_mark_coordinated(plan=plan, user=user, revision=current["revision"])
    if done:
        plan.refresh_from_db()
    return done


# --- Findings ---------------------------------------------------------------------------------------


def outcomes_for(finding: Finding) -> list[str]:
    """The outcomes a party may give for this finding (Appendix 1: an involved party joins or sees no need)."""
    if finding.kind == FindingKind.INFORM and finding.duty == FindingDuty.INVOLVED:
        return [WordOutcome.JOIN, WordOutcome.NO_NEED]
    if finding.kind in (FindingKind.COMMON_INTEREST, FindingKind.INFORM):
        return [WordOutcome.INFORMED, WordOutcome.JOINT, WordOutcome.DIVISION]
    return [WordOutcome.JOINT, WordOutcome.WITHDRAWN, WordOutcome.MOVED, WordOutcome.DIVISION, WordOutcome.INFORMED]


def default_outcome(finding: Finding) -> str:
    """What a word without an outcome means: "informed, no action", where that is a possible answer."""
    return WordOutcome.INFORMED if WordOutcome.INFORMED in outcomes_for(finding) else ""


RULES = {
    WordAction.ACKNOWLEDGE: "may_acknowledge_finding",
    WordAction.DISMISS: "may_dismiss_finding",
    WordAction.PROPOSE: "may_propose_finding",
}


def refusal(user, finding: Finding, action: str) -> str:
    """Why `user` may not give this word: what a 403 says, naming the party that must answer."""
    party = director_party(user) if action == WordAction.DISMISS else staff_party(user)
    deciders, owners = finding_deciders(finding), finding_owners(finding)
    if party is None:
        if action == WordAction.DISMISS and staff_party(user) is not None:
            return _("Only a director dismisses a finding; a secretariat can agree an outcome or propose one.")
        return _("Only the parties' directors and secretariats answer findings, each for their own party; an administrator speaks for neither party.")
    if finding.status != FindingStatus.OPEN:
        return _("This finding is no longer open.")
    if party in {w.party_id for w in finding.words.all()}:
        return _("Your party has already given its word on this finding.")
    if action == WordAction.PROPOSE:
        return _("Your party's word closes this finding: agree an outcome or dismiss it instead of proposing one.")
    if finding.kind in (FindingKind.COMMON_INTEREST, FindingKind.INFORM):
        return _("%(told)s is the party told of this activity, so only %(told)s closes this finding; %(owner)s cannot close it for them.") % {
            "told": _names(deciders), "owner": _names(owners),
        }
    return _("This finding is about %(owner)s's activity: it closes with %(other)s's word. %(owner)s can propose an outcome, with a reason, for %(other)s to agree.") % {
        "owner": _names(owners), "other": _names(deciders),
    }


def finding_word_give(
    *, user, finding: Finding, action: str, reason: str, outcome: str = "", acting_party: Organisation | None = None,
    division: str = "", contact: DirectorContact | None = None,
) -> FindingWord:
    """Record the user's party's word on a finding; close the finding once every party whose word it needs has given it.

    1. Refuse a word from a party that may not give it (403, saying who must answer).
    2. Check the outcome: one this finding allows, naming the party for "withdraws"/"moves", saying
       who does what for a division of work; and a reason.
    3. With the finding locked, store the word (once per party). A proposal closes nothing.
    4. When each deciding party has agreed or dismissed, close the finding: dismissed if each said it
       does not hold, else acknowledged, with their reasons; then settle the plans it was holding back.
    """
    if not getattr(permissions, RULES[action])(user, finding):
        raise PermissionDenied(refusal(user, finding, action))
    party = director_party(user) if action == WordAction.DISMISS else staff_party(user)
    outcome = outcome or default_outcome(finding)
    reason, division = (reason or "").strip()[:2000], (division or "").strip()[:2000]
    errors = {}
    if outcome not in outcomes_for(finding):
        errors["outcome"] = _("Choose one of the outcomes offered for this finding.")
    if outcome in ACTING_OUTCOMES and (acting_party is None or acting_party.pk not in party_ids()):
        errors["acting_party"] = _("Name the party that withdraws or moves its activity.")
    if outcome == WordOutcome.DIVISION and not division:
        errors["division"] = _("Say who does what.")
    if not reason:
        errors["reason"] = _("Give a reason, so the other party can see why.")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        locked = Finding.objects.select_for_update().filter(pk=finding.pk, status=FindingStatus.OPEN).first()
        if locked is None:
            raise ValidationError(_("Someone else has already dealt with this finding."))
        try:
            with transaction.atomic():
                word = FindingWord.objects.create(
                    finding=finding, party_id=party, user=user, action=action, outcome=outcome,
                    acting_party=acting_party if outcome in ACTING_OUTCOMES else None,
                    division=division if outcome == WordOutcome.DIVISION else "", reason=reason, contact=contact,
                )
        except IntegrityError:
            raise ValidationError(_("Your party has already given its word on this finding.")) from None
        closed = _close_if_settled(finding, user)
    dashboard_changed()
    if closed:
        for plan in Plan.objects.filter(activities__findings=finding).distinct():
            plan_settle(plan=plan, user=user)
    return word


def _close_if_settled(finding: Finding, user) -> bool:
    deciders = finding_deciders(finding)
    words = {
        w.party_id: w for w in FindingWord.objects.filter(finding=finding, action__in=[WordAction.ACKNOWLEDGE, WordAction.DISMISS])
        .select_related("party")
    }
    if not deciders <= set(words):
        return False
    closing = [words[p] for p in sorted(deciders)]
    status = FindingStatus.DISMISSED if all(w.action == WordAction.DISMISS for w in closing) else FindingStatus.ACKNOWLEDGED
    reason = " / ".join(f"{w.party.short_name}: {w.reason}" for w in closing) if len(closing) > 1 else closing[0].reason
    finding_close(finding=finding, user=user, reason=reason, status=status)
    return True

"""Who may see and log director contacts (§5 C-MONTHLY) and give a party's word on plans and findings (§4), registered with portal.permissions (asked as `permissions.<name>`)."""

from activities.models import FindingKind, FindingStatus, PlanStatus
from agreement.selectors import parties_by_slug
from portal.models import RoleKind
from governance.selectors import board_chairs
from portal.permissions import is_administrator, is_party_staff, organisations_with_role, staff_organisations
from portal.registry import register_rule


@register_rule
def may_view_contacts(user) -> bool:
    """Both parties' directors and secretariats (and administrators) see every director contact; board members and observers do not."""
    return is_party_staff(user) or is_administrator(user)


@register_rule
def may_log_contact(user) -> bool:
    """Either director or a secretariat member logs a contact (§5), for both parties to see."""
    return is_party_staff(user) or is_administrator(user)


@register_rule
def may_edit_contact(user, contact) -> bool:
    """A contact is the two parties' shared record: whoever may log one may correct it (the history keeps every change)."""
    return may_log_contact(user)


@register_rule
def may_update_action_item(user, item) -> bool:
    """The owner marks an action item done, and so may anyone who may edit its contact."""
    return getattr(user, "pk", None) == item.owner_id or may_edit_contact(user, item.contact)


# --- Two-party words (§4): each party speaks for itself ---------------------------------------------
# A plan is approved, and a finding answered, by a word of a party; a user speaks for the one party
# they hold the role for. An administrator speaks for neither party.


def _single(orgs: set[int]) -> int | None:
    return next(iter(orgs)) if len(orgs) == 1 else None


def director_party(user) -> int | None:
    """The party a director speaks for (none for a user directing both, or neither)."""
    return _single(organisations_with_role(user, RoleKind.DIRECTOR) & party_ids())


def staff_party(user) -> int | None:
    """The party a director or secretariat member speaks for on findings."""
    return _single(staff_organisations(user) & party_ids())


def party_ids() -> set[int]:
    return {o.pk for o in parties_by_slug().values()}


@register_rule
def may_coordinate_plan(user, plan) -> bool:
    """A director of either party records that party's approval of a submitted plan (§4: coordinated between the parties)."""
    return plan.status == PlanStatus.SUBMITTED and director_party(user) is not None


def finding_owners(finding) -> set[int]:
    """Ids of the parties whose activities the finding is about (activities prefetched with their plans)."""
    return {a.plan.organisation_id for a in finding.activities.all()}


def finding_deciders(finding) -> set[int]:
    """The parties whose word closes the finding.

    A common-interest or inform finding: the party that is told (not the activity's). An overlap of
    both parties' activities: both. A finding about one party's activity: the other party.
    """
    owners, parties = finding_owners(finding), party_ids()
    if finding.kind in (FindingKind.COMMON_INTEREST, FindingKind.INFORM):
        return parties - owners
    if owners >= parties:
        return parties
    return parties - owners


def _spoken(finding) -> set[int]:
    """Parties that have given their word on the finding (words prefetched, see selectors_twoparty)."""
    return {w.party_id for w in finding.words.all()}


def _may_answer(finding, party: int | None) -> bool:
    return (
        party is not None and finding.status == FindingStatus.OPEN
        and party in finding_deciders(finding) and party not in _spoken(finding)
    )


@register_rule
def may_acknowledge_finding(user, finding) -> bool:
    """Staff of a party whose word closes the finding agree an outcome (the owner alone cannot close it)."""
    return _may_answer(finding, staff_party(user))


@register_rule
def may_dismiss_finding(user, finding) -> bool:
    """A director of a party whose word closes the finding says it does not hold, with a reason."""
    return _may_answer(finding, director_party(user))


@register_rule
def may_propose_finding(user, finding) -> bool:
    """The party whose activity it is proposes an outcome, with a reason, for the other party to agree."""
    party = staff_party(user)
    return (
        party is not None and finding.status == FindingStatus.OPEN and party in finding_owners(finding)
        and party not in finding_deciders(finding) and party not in _spoken(finding)
    )
@register_rule
def may_view_month_records(user) -> bool:
    """The month-by-month record of C-MONTHLY (§5): party staff and administrators, and the boards' chairs, to whom
    a second month in a row without contact is escalated. The record shows months only, no contact's content."""
    if may_view_contacts(user):
        return True
    return getattr(user, "is_authenticated", False) and any(chair.pk == user.pk for chair in board_chairs())

"""The one place that answers "may this user see or do X?".

Views, selectors, services, the admin and tasks all ask these functions; nothing else decides.
Roles come from `portal.Role`; object-level grants (e.g. a board seat's access to its board's
meetings) are django-guardian object permissions, checked here too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.cache import cache
from django.db.models import Q

from .models import RoleKind

if TYPE_CHECKING:
    from agreement.models import Organisation


ROLES_CACHE_SECONDS = 5 * 60


def _roles_key(user_id: int) -> str:
    return f"portal:roles:{user_id}"


def _role_rows(user) -> list[tuple[str, int | None, str | None]]:
    """(kind, organisation id, organisation short name) of the user's roles: one query, then cached.

    Cached on the user object for the request and in the cache across requests; `forget_roles`
    (called by every service that grants or revokes a role) drops both.
    """
    rows = getattr(user, "_portal_role_rows", None)
    if rows is None:
        rows = cache.get(_roles_key(user.pk))
        if rows is None:
            rows = list(user.roles.order_by("kind").values_list("kind", "organisation_id", "organisation__short_name"))
            cache.set(_roles_key(user.pk), rows, ROLES_CACHE_SECONDS)
        user._portal_role_rows = rows
    return rows


def _roles(user) -> set[tuple[str, int | None]]:
    """(kind, organisation id) pairs of the user's roles."""
    if not getattr(user, "is_authenticated", False):
        return set()
    return {(kind, org) for kind, org, _name in _role_rows(user)}


def role_labels(user) -> list[str]:
    """The user's roles as people read them: "Direktør (CenSec)"."""
    if not getattr(user, "is_authenticated", False):
        return []
    return [f"{RoleKind(kind).label} ({name})" if name else str(RoleKind(kind).label) for kind, _org, name in _role_rows(user)]


def forget_roles(user) -> None:
    """Drop the cached roles after a role was granted or revoked."""
    user.__dict__.pop("_portal_role_rows", None)
    cache.delete(_roles_key(user.pk))


def is_administrator(user) -> bool:
    return bool(getattr(user, "is_superuser", False)) or any(k == RoleKind.ADMINISTRATOR for k, _ in _roles(user))


def has_role(user, kind: str, organisation: Organisation | int | None = None) -> bool:
    """Whether the user holds role `kind`, for `organisation` if given (an object or its id)."""
    org_id = getattr(organisation, "pk", organisation)
    return any(k == kind and (org_id is None or o == org_id) for k, o in _roles(user))


def organisations_with_role(user, kind: str) -> set[int]:
    return {o for k, o in _roles(user) if k == kind and o is not None}


def role_kinds(user) -> set[str]:
    kinds = {k for k, _ in _roles(user)}
    if getattr(user, "is_superuser", False):
        kinds.add(RoleKind.ADMINISTRATOR)
    return kinds


def is_director(user, organisation=None) -> bool:
    return has_role(user, RoleKind.DIRECTOR, organisation)


def is_secretariat(user, organisation=None) -> bool:
    return has_role(user, RoleKind.SECRETARIAT, organisation)


def is_party_staff(user) -> bool:
    """Secretariat or director of either party."""
    return bool(organisations_with_role(user, RoleKind.SECRETARIAT) | organisations_with_role(user, RoleKind.DIRECTOR))


# --- agreement --------------------------------------------------------------------------------


def may_give_notice(user, party: Organisation) -> bool:
    """Notice of termination (§6) is given, and withdrawn, by that party's director."""
    return is_director(user, party) or is_administrator(user)


# --- accounts ---------------------------------------------------------------------------------

# Roles that reach board materials (members, observers, and the secretariats that manage them).
MATERIAL_ROLES = {RoleKind.BOARD_MEMBER, RoleKind.OBSERVER, RoleKind.SECRETARIAT}


def needs_mfa(user) -> bool:
    """Two-factor login is required (when PORTAL_REQUIRE_MFA is on) for administrators and everyone who can see board materials."""
    return is_administrator(user) or bool(role_kinds(user) & MATERIAL_ROLES)


# --- governance (§3 G2) -----------------------------------------------------------------------
# Who sees a board's meetings, agenda items and materials. Every path (meeting pages, downloads,
# the zip, search, the calendar feed, the admin) filters through these querysets, so a guessed id
# is a 404. The answer, per board:
#   * a seat holder with the guardian permission `view_board_all` (granted when a member's seat
#     starts, revoked when it ends) sees everything of that board;
#   * an observer with `view_board_observer` sees everything except items on personnel and internal
#     secretariat matters and their materials (§3 G2);
#   * the secretariat of the board's own party manages the board and sees everything;
#   * administrators (superusers) see everything, to run the system;
#   * everyone else, directors without a seat included, sees nothing: the agreement gives board
#     materials only to the board and its observers.

BOARD_MEMBER_PERM = "view_board_all"
BOARD_OBSERVER_PERM = "view_board_observer"


def _board_ids(user, codename: str):
    """Ids of boards on which `user` holds the guardian object permission `codename` (a lazy subquery).

    Written against guardian's table directly, rather than get_objects_for_user, so that it adds
    no queries of its own: it becomes part of the one query that lists meetings or materials.
    """
    from django.db.models import BigIntegerField
    from django.db.models.functions import Cast
    from guardian.models import UserObjectPermission

    return (
        UserObjectPermission.objects.filter(
            user=user,
            permission__codename=codename,
            permission__content_type__app_label="governance",
            permission__content_type__model="board",
        )
        .annotate(board_id=Cast("object_pk", BigIntegerField()))
        .values("board_id")
    )


def _board_access(user):
    """(Q on boards with full access, Q on boards with observer access), with `board` as the path to Board."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Q(pk__in=[]), Q(pk__in=[])
    if is_administrator(user):
        return Q(pk__isnull=False), Q(pk__in=[])
    full = Q(pk__in=_board_ids(user, BOARD_MEMBER_PERM)) | Q(
        organisation__in=organisations_with_role(user, RoleKind.SECRETARIAT)
    )
    return full, Q(pk__in=_board_ids(user, BOARD_OBSERVER_PERM))


def _prefixed(q, prefix: str):
    """Re-root a Q written against Board onto a model whose path to the board is `prefix`."""
    out = Q(_connector=q.connector, _negated=q.negated)
    for child in q.children:
        out.children.append(_prefixed(child, prefix) if isinstance(child, Q) else (f"{prefix}__{child[0]}", child[1]))
    return out


def visible_boards(user):
    """Boards of which the user sees at least something."""
    from governance.models import Board

    full, observer = _board_access(user)
    return Board.objects.filter(full | observer)


def visible_meetings(user):
    """Meetings the user may see and attend: of a board they sit on, observe or (secretariat) manage."""
    from governance.models import Meeting

    full, observer = _board_access(user)
    return Meeting.objects.filter(_prefixed(full, "board") | _prefixed(observer, "board"))


def visible_agenda_items(user):
    """Agenda items the user may see: observers never see personnel or internal-secretariat items (§3 G2)."""
    from governance.models import AgendaItem, Confidentiality

    full, observer = _board_access(user)
    return AgendaItem.objects.filter(
        _prefixed(full, "meeting__board")
        | (_prefixed(observer, "meeting__board") & Q(confidentiality=Confidentiality.ORDINARY))
    )


def visible_materials(user):
    """Materials the user may see and download: a material has its agenda item's category (§3 G2)."""
    from governance.models import Confidentiality, Material

    full, observer = _board_access(user)
    ordinary = Q(agenda_item__isnull=True) | Q(agenda_item__confidentiality=Confidentiality.ORDINARY)
    return Material.objects.filter(
        _prefixed(full, "meeting__board") | (_prefixed(observer, "meeting__board") & ordinary)
    )


def managed_boards(user):
    """Boards the user manages: the secretariat of the board's own party (and administrators)."""
    from governance.models import Board

    if is_administrator(user):
        return Board.objects.all()
    return Board.objects.filter(organisation__in=organisations_with_role(user, RoleKind.SECRETARIAT))


def may_manage_board(user, board) -> bool:
    """Uploading materials, editing agendas and reading the download log: the board's party's secretariat."""
    return is_administrator(user) or is_secretariat(user, board.organisation_id)


# --- activities (§4 plans, the plan checks) ------------------------------------------------------


def may_use_activities(user) -> bool:
    """Plans and findings are the parties' working material: their secretariats, directors and administrators."""
    return is_party_staff(user) or is_administrator(user)


def visible_plans(user, queryset=None):
    """The plans `user` may see: every party's plan for party staff and administrators, none for anyone else."""
    from activities.models import Plan

    queryset = Plan.objects.all() if queryset is None else queryset
    return queryset if may_use_activities(user) else queryset.none()


def visible_findings(user, queryset=None):
    from activities.models import Finding

    queryset = Finding.objects.all() if queryset is None else queryset
    return queryset if may_use_activities(user) else queryset.none()


def may_edit_plan(user, plan) -> bool:
    """A plan and its activities are written by its own party's secretariat only."""
    return is_secretariat(user, plan.organisation_id)


def may_create_plan(user, organisation) -> bool:
    return is_secretariat(user, organisation)


def may_submit_plan(user, plan) -> bool:
    return may_edit_plan(user, plan) and plan.status == "draft"


def may_coordinate_plan(user, plan) -> bool:
    """The directors mark a submitted plan coordinated (§5: the directors' coordination)."""
    return plan.status == "submitted" and bool(organisations_with_role(user, RoleKind.DIRECTOR))


def finding_parties(finding) -> set[int]:
    """Organisation ids of the parties owning the finding's activities (activities prefetched with their plans)."""
    return {a.plan.organisation_id for a in finding.activities.all()}


def may_acknowledge_finding(user, finding) -> bool:
    """Staff of a concerned party acknowledge a finding; an activity of common interest is acknowledged by the other party."""
    if finding.status != "open":
        return False
    owners = finding_parties(finding)
    staff = organisations_with_role(user, RoleKind.SECRETARIAT) | organisations_with_role(user, RoleKind.DIRECTOR)
    if finding.kind == "common_interest":
        return bool(staff - owners)
    return bool(staff)


def may_dismiss_finding(user, finding) -> bool:
    """A director (or an administrator) may dismiss a finding that does not hold, with a reason."""
    return finding.status in ("open", "acknowledged") and (
        bool(organisations_with_role(user, RoleKind.DIRECTOR)) or is_administrator(user)
    )


# --- contacts (§5 C-MONTHLY) ------------------------------------------------------------------


def may_view_contacts(user) -> bool:
    """Both parties' directors and secretariats (and administrators) see every director contact; board members and observers do not."""
    return is_party_staff(user) or is_administrator(user)


def may_log_contact(user) -> bool:
    """Either director or a secretariat member logs a contact (§5), for both parties to see."""
    return is_party_staff(user) or is_administrator(user)


def may_edit_contact(user, contact) -> bool:
    """A contact is the two parties' shared record: whoever may log one may correct it (the history keeps every change)."""
    return may_log_contact(user)


def may_update_action_item(user, item) -> bool:
    """The owner marks an action item done, and so may anyone who may edit its contact."""
    return getattr(user, "pk", None) == item.owner_id or may_edit_contact(user, item.contact)


# --- members (§1 P1, §4: what member companies and the public see) ------------------------------
# The members pages (/members/…) show activities and services by their visibility: anonymous
# visitors see `public`; members (and the parties' staff, who see what their members see) see
# `members` and `public`. An activity shows only once its plan is no longer a draft, and never while
# cancelled unless it had been published (it then shows as cancelled). A user whose only role is
# `member` reaches nothing of the staff portal.


def is_member(user) -> bool:
    return bool(organisations_with_role(user, RoleKind.MEMBER))


def is_member_only(user) -> bool:
    """A member company's person and nothing else: kept to the members pages."""
    return getattr(user, "is_authenticated", False) and not user.is_superuser and role_kinds(user) == {RoleKind.MEMBER}


def member_visibilities(user) -> list[str]:
    """The visibility levels `user` sees on the members pages."""
    from activities.models import Visibility

    if getattr(user, "is_authenticated", False) and user.is_active and (
        is_member(user) or is_party_staff(user) or is_administrator(user)
    ):
        return [Visibility.MEMBERS, Visibility.PUBLIC]
    return [Visibility.PUBLIC]


# What a member-only user may open besides the members pages: their own account, and the public
# addresses everyone may open.
MEMBER_ALLOWED_PREFIXES = (
    "/members/", "/accounts/", "/i18n/", "/static/", "/healthz", "/readyz", "/calendar/", "/sitemap.xml", "/robots.txt",
)


def may_open_staff_path(user, path: str) -> bool:
    """Whether `user` may open `path` at all: a member-only user is kept to the members pages and their account."""
    return not is_member_only(user) or path.startswith(MEMBER_ALLOWED_PREFIXES)


def visible_member_activities(user, queryset=None):
    """Activities shown on the members pages to `user` (the list, calendar, feeds, sitemap, newsletter)."""
    from activities.models import Activity, ActivityStatus, PlanStatus

    queryset = Activity.objects.all() if queryset is None else queryset
    return queryset.filter(
        plan__status__in=[PlanStatus.SUBMITTED, PlanStatus.COORDINATED], visibility__in=member_visibilities(user)
    ).exclude(status=ActivityStatus.CANCELLED, published_at__isnull=True)


def may_manage_members(user, organisation=None) -> bool:
    """Member accounts, the services catalogue and the newsletter export: a party's secretariat (and administrators)."""
    return is_secretariat(user, organisation) or is_administrator(user)


def visible_services(user, queryset=None):
    """Services shown on the members pages to `user`."""
    from members.models import Service

    queryset = Service.objects.all() if queryset is None else queryset
    return queryset.filter(visibility__in=member_visibilities(user))


def managed_services(user):
    """Services a user keeps: their own party's catalogue (administrators: both)."""
    from members.models import Service

    if is_administrator(user):
        return Service.objects.all()
    return Service.objects.filter(organisation__in=organisations_with_role(user, RoleKind.SECRETARIAT))

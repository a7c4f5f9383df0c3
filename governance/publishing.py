"""The board pack (issue 12): drafts, publishing, new versions, withdrawal, the chair's approval of minutes,
and what is new since a person last opened a meeting.

Writes and the reads the meeting page needs for them live here; who may read a material is decided by
`portal.permissions.visible_materials` (downloads, the zip, the page) and its inverse
`portal.permissions.materials_readers` (who is told), so the two cannot disagree.

1. A material is uploaded as a draft: only the board's secretariat (and administrators) see it.
2. The secretariat publishes one draft or all drafts of a meeting. Each member and observer who may
   read a material is told once, in the portal and by email, keyed "material-version:<version id>";
   several materials published together reach each person as one email (`notifications.batch()`).
3. A new version of a published material tells its readers once more (its own version's key).
4. A published material can be withdrawn (readers no longer see or download it, the zip leaves it
   out) and restored; each step is recorded with who and when (`MaterialEvent`).
5. Minutes are approved by the chair of the board (a current chair seat linked to the user), per
   version: a new version of approved minutes waits for the chair again.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from portal import notifications, permissions

from .models import Material, MaterialEvent, MaterialState, MaterialVersion, MeetingVisit, MinutesApproval
from .permissions import current_chairs

KIND = "board_pack"


def _require_manager(user, board) -> None:
    if not permissions.may_manage_board(user, board):
        raise PermissionDenied(
            _("Only the secretariat of %(party)s publishes and withdraws this board's materials.")
            % {"party": board.organisation.short_name}
        )


def material_url(material) -> str:
    return reverse("governance:meeting", args=[material.meeting_id]) + f"#material-{material.pk}"


def _tell(materials, *, change: str) -> int:
    """Tell each reader of each material, once per version; returns how many messages were made.

    `change` is "published" or "new_version" (it words the message). One batch: each person gets
    one email for all the materials of this call.
    """
    materials = [m for m in materials if m.current_id]
    if not materials:
        return 0
    readers = permissions.materials_readers(materials)
    made = 0
    with notifications.batch():
        for material in materials:
            made += len(
                notifications.notify(
                    recipients=readers[material.pk],
                    kind=KIND,
                    key=f"material-version:{material.current_id}",
                    template="board-pack-material",
                    context={"material": material, "meeting": material.meeting, "change": change},
                    url=material_url(material),
                )
            )
    return made


def _fresh(materials):
    return Material.objects.select_related("meeting__board__organisation", "agenda_item", "current").filter(
        pk__in=[m.pk for m in materials]
    ).order_by("pk")


@transaction.atomic
def materials_publish(*, user, materials, tell: bool = True) -> list[Material]:
    """Publish these drafts (those still drafts: a second click publishes nothing twice); returns those published.

    `tell=False` is for the demo data and the benchmarks only: history nobody is waiting to hear of.
    """
    candidates = list(_fresh(materials))
    for board in {m.meeting.board for m in candidates}:
        _require_manager(user, board)
    if any(m.current_id is None for m in candidates):
        raise ValidationError(_("A material without a file cannot be published."))
    now = timezone.now()
    published = []
    for material in candidates:
        # Conditional: of two concurrent publishes, one wins and tells; the other changes nothing.
        if Material.objects.filter(pk=material.pk, state=MaterialState.DRAFT).update(
            state=MaterialState.PUBLISHED, published_at=now, changed_at=now
        ):
            material.state, material.published_at, material.changed_at = MaterialState.PUBLISHED, now, now
            published.append(material)
    MaterialEvent.objects.bulk_create(
        [MaterialEvent(material=m, kind=MaterialEvent.Kind.PUBLISHED, version_id=m.current_id, by=user, at=now) for m in published]
    )
    if tell:
        _tell(published, change="published")
    return published


def meeting_publish(*, user, meeting, tell: bool = True) -> list[Material]:
    """Publish every draft of a meeting at once (each reader gets one email for all of them)."""
    _require_manager(user, meeting.board)
    drafts = meeting.materials.filter(state=MaterialState.DRAFT, current__isnull=False)
    return materials_publish(user=user, materials=drafts, tell=tell)


def version_added(*, material: Material, version: MaterialVersion) -> None:
    """A new version was stored (governance.services.material_upload): readers of a published material hear of it.

    A draft or withdrawn material tells nobody now; publishing or restoring it tells of its newest version.
    """
    if version.number == 1 or material.state != MaterialState.PUBLISHED:
        return
    Material.objects.filter(pk=material.pk).update(changed_at=version.uploaded_at)
    material.changed_at = version.uploaded_at
    _tell(list(_fresh([material])), change="new_version")


def tell_new_readers(*, materials) -> int:
    """Tell the readers a published material gained (e.g. its agenda item became ordinary, a seat began)
    of its current version; whoever was told already is not told again. Returns the messages made."""
    published = [m for m in _fresh(materials) if m.state == MaterialState.PUBLISHED]
    return _tell(published, change="published")


@transaction.atomic
def material_withdraw(*, user, material: Material, reason: str = "") -> Material:
    """Take a published material off the board pack: readers no longer see or download it."""
    _require_manager(user, material.meeting.board)
    if not Material.objects.filter(pk=material.pk, state=MaterialState.PUBLISHED).update(state=MaterialState.WITHDRAWN):
        raise ValidationError(_("Only a published material can be withdrawn; %(title)s is not published.") % {"title": material.title})
    MaterialEvent.objects.create(
        material=material, kind=MaterialEvent.Kind.WITHDRAWN, version_id=material.current_id, by=user, reason=reason[:300]
    )
    material.state = MaterialState.WITHDRAWN
    return material


@transaction.atomic
def material_restore(*, user, material: Material) -> Material:
    """Put a withdrawn material back; readers not yet told of its newest version are told now."""
    _require_manager(user, material.meeting.board)
    now = timezone.now()
    if not Material.objects.filter(pk=material.pk, state=MaterialState.WITHDRAWN).update(
        state=MaterialState.PUBLISHED, changed_at=now
    ):
        raise ValidationError(_("Only a withdrawn material can be restored; %(title)s is not withdrawn.") % {"title": material.title})
    MaterialEvent.objects.create(material=material, kind=MaterialEvent.Kind.RESTORED, version_id=material.current_id, by=user, at=now)
    material.state, material.changed_at = MaterialState.PUBLISHED, now
    _tell(list(_fresh([material])), change="published")
    return material


def chair_names(board) -> str:
    return ", ".join(p.name for p in current_chairs(board))


@transaction.atomic
def minutes_approve(*, user, material: Material) -> MinutesApproval:
    """The chair approves the current version of the minutes (once; a second approval changes nothing)."""
    if material.kind != Material.Kind.MINUTES:
        raise PermissionDenied(_("Only minutes are approved; %(title)s is a material.") % {"title": material.title})
    if not permissions.may_approve_minutes(user, material):
        names = chair_names(material.meeting.board)
        raise PermissionDenied(
            _("Only the chair of %(board)s (%(chair)s) may approve the minutes.") % {"board": material.meeting.board, "chair": names}
            if names
            else _("Only the chair of %(board)s may approve the minutes, and the board has no chair now.")
            % {"board": material.meeting.board}
        )
    if material.state != MaterialState.PUBLISHED or material.current_id is None:
        raise ValidationError(_("Minutes are approved once they are published."))
    name = getattr(getattr(user, "board_person", None), "name", "") or user.get_full_name() or user.get_username()
    try:
        with transaction.atomic():
            approval, _created = MinutesApproval.objects.get_or_create(
                version_id=material.current_id, defaults={"approved_by": user, "approved_by_name": name}
            )
    except IntegrityError:  # approved at the same moment by another request
        approval = MinutesApproval.objects.get(version_id=material.current_id)
    return approval


# --- the meeting page ---------------------------------------------------------------------------


def meeting_visit(*, user, meeting, materials) -> datetime | None:
    """When `user` last opened `meeting` before now (None: never), and remember this visit.

    Written only when it matters: on the first visit, and when something the user can see changed
    after the stored time. Opening an unchanged meeting again writes nothing.
    """
    seen = MeetingVisit.objects.filter(user=user, meeting=meeting).values_list("seen_at", flat=True).first()
    now = timezone.now()
    if seen is None:
        try:
            with transaction.atomic():
                MeetingVisit.objects.create(user=user, meeting=meeting, seen_at=now)
        except IntegrityError:  # the same user's other tab got there first
            pass
        return None
    latest = max((m.changed_at for m in materials if m.changed_at), default=None)
    if latest is not None and latest > seen:
        MeetingVisit.objects.filter(user=user, meeting=meeting, seen_at__lt=latest).update(seen_at=now)
    return seen


@dataclass
class PackEntry:
    """What the meeting page shows of one material beyond its file: its mark, history and approval."""

    mark: str = ""  # "new", "changed" or ""
    history: list = field(default_factory=list)  # (when, what, who, reason), oldest first
    approval: MinutesApproval | None = None
    may_approve: bool = False


def meeting_pack(*, user, meeting, materials, seen_at: datetime | None, may_manage: bool) -> dict:
    """The board pack's part of the meeting page, for the materials `user` sees (a fixed number of queries).

    Each material gets `.pack` (a PackEntry); the page also gets the drafts to publish and the minutes.
    """
    ids = [m.pk for m in materials]
    versions = list(MaterialVersion.objects.filter(material_id__in=ids).select_related("uploaded_by").order_by("uploaded_at", "pk"))
    events = list(MaterialEvent.objects.filter(material_id__in=ids).select_related("by").order_by("at", "pk"))
    approvals = {
        a.version_id: a for a in MinutesApproval.objects.filter(version_id__in=[m.current_id for m in materials if m.current_id])
    }
    chairs = current_chairs(meeting.board) if any(m.kind == Material.Kind.MINUTES for m in materials) else []
    history: dict[int, list] = {pk: [] for pk in ids}
    for version in versions:
        what = _("Uploaded") if version.number == 1 else _("New version %(n)d") % {"n": version.number}
        history[version.material_id].append((version.uploaded_at, what, _who(version.uploaded_by), ""))
    for event in events:
        history[event.material_id].append((event.at, event.get_kind_display(), _who(event.by), event.reason))
    for material in materials:
        entry = PackEntry(history=sorted(history[material.pk], key=lambda row: row[0]))
        if material.state == MaterialState.PUBLISHED:
            if seen_at is None or (material.published_at and material.published_at > seen_at):
                entry.mark = "new"
            elif material.changed_at and material.changed_at > seen_at:
                entry.mark = "changed"
        if material.kind == Material.Kind.MINUTES:
            entry.approval = approvals.get(material.current_id)
            entry.may_approve = (
                entry.approval is None
                and material.state == MaterialState.PUBLISHED
                and permissions.may_approve_minutes(user, material)
            )
        material.pack = entry
    return {
        "pack_drafts": [m for m in materials if m.state == MaterialState.DRAFT] if may_manage else [],
        "pack_minutes": [m for m in materials if m.kind == Material.Kind.MINUTES],
        "pack_chairs": chairs,
        "pack_seen_at": seen_at,
        "pack_new": sum(1 for m in materials if getattr(m, "pack", None) and m.pack.mark),
    }


def meeting_page(*, user, meeting, materials, may_manage: bool) -> dict:
    """The meeting view's one call: remember the visit, and mark and annotate the materials shown."""
    seen_at = meeting_visit(user=user, meeting=meeting, materials=materials)
    return meeting_pack(user=user, meeting=meeting, materials=materials, seen_at=seen_at, may_manage=may_manage)


def _who(user) -> str:
    return user.get_full_name() or user.get_username()

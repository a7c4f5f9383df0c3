"""Reads for director contacts and action items (§5): what a user may see, and which contacts count."""

import datetime as dt

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from agreement.models import Party
from portal import permissions
from portal.models import RoleKind

from .models import ActionItem, DirectorContact, MonthRecord

DUE_SOON_DAYS = 3


def _director_of(party_slug: str) -> Exists:
    through = DirectorContact.participants.through.objects.filter(
        directorcontact_id=OuterRef("pk"),
        user__roles__kind=RoleKind.DIRECTOR,
        user__roles__organisation__slug=party_slug,
    )
    return Exists(through)


def _some_topic() -> Exists:
    return Exists(DirectorContact.task_areas.through.objects.filter(directorcontact_id=OuterRef("pk")))


def counting_contacts(qs: QuerySet | None = None) -> QuerySet:
    """Contacts that count for §5 C-MONTHLY: a director of each party took part, and at least one §4 topic was discussed.

    §5: "der bør minimum være kontakt mellem direktørerne månedligt, hvor emnerne i pkt. 4 drøftes".
    """
    qs = DirectorContact.objects.all() if qs is None else qs
    for slug in Party.values:
        qs = qs.filter(_director_of(slug))
    return qs.filter(_some_topic())


def contact_shortfalls(contact: DirectorContact) -> list[str]:
    """Why this contact does not count for the monthly rule, in words (empty: it counts); one query.

    A party whose director did not take part, and no §4 topic discussed, are each one reason.
    """
    row = (
        DirectorContact.objects.filter(pk=contact.pk)
        .annotate(topic=_some_topic(), **{f"director_{slug}": _director_of(slug) for slug in Party.values})
        .values("topic", *(f"director_{slug}" for slug in Party.values))
        .first()
    )
    if row is None:
        return []
    reasons = [
        _("no director of %(party)s took part") % {"party": Party(slug).label}
        for slug in Party.values
        if not row[f"director_{slug}"]
    ]
    if not row["topic"]:
        reasons.append(_("no §4 topic was discussed"))
    return reasons


def contact_counts(contact: DirectorContact) -> bool:
    """Whether this contact counts for the monthly rule: both parties' directors took part and a §4 topic was discussed."""
    return not contact_shortfalls(contact)


def visible_contacts(*, user) -> QuerySet:
    """The contacts `user` may see: all of them for party staff and administrators, none for anyone else."""
    if not permissions.may_view_contacts(user):
        return DirectorContact.objects.none()
    return DirectorContact.objects.all()


def contacts_filtered(
    *,
    user,
    party=None,
    form: str = "",
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    task_area=None,
) -> QuerySet:
    """The contact log with its filters: a party took part, form, local date range, task area."""
    qs = visible_contacts(user=user)
    if party is not None:
        qs = qs.filter(
            Exists(
                DirectorContact.participants.through.objects.filter(
                    directorcontact_id=OuterRef("pk"), user__roles__organisation=party
                )
            )
        )
    if form:
        qs = qs.filter(form=form)
    if date_from:
        qs = qs.filter(occurred_at__date__gte=date_from)
    if date_to:
        qs = qs.filter(occurred_at__date__lte=date_to)
    if task_area is not None:
        qs = qs.filter(task_areas=task_area)
    counted = counting_contacts(DirectorContact.objects.filter(pk=OuterRef("pk")))
    return (
        qs.annotate(counts=Exists(counted))
        .select_related("logged_by")
        .prefetch_related("participants", "task_areas", "action_items__owner")
    )


def month_records() -> QuerySet:
    """The month-by-month record of C-MONTHLY, newest first."""
    return MonthRecord.objects.order_by("-month")


def action_items_for(*, user) -> QuerySet:
    """Action items on contacts the user may see, plus the user's own."""
    if permissions.may_view_contacts(user):
        return ActionItem.objects.all()
    return ActionItem.objects.filter(owner=user)


def action_items_due(*, today: dt.date) -> QuerySet:
    """Open action items due within DUE_SOON_DAYS or already overdue, with their owners."""
    return ActionItem.objects.filter(done=False, due_on__lte=today + dt.timedelta(days=DUE_SOON_DAYS)).select_related(
        "owner", "contact"
    )


def upcoming_director_meetings(*, now: dt.datetime | None = None, limit: int = 5) -> list[DirectorContact]:
    """Director contacts scheduled ahead of now (a planned meeting is logged in advance)."""
    now = now or timezone.now()
    return list(DirectorContact.objects.filter(occurred_at__gt=now).order_by("occurred_at")[:limit])


def open_action_items_filter(*, today: dt.date, user=None) -> dict[str, Q]:
    """Named Q filters for Count(filter=…): open and overdue items, overall and the user's own."""
    overdue = Q(done=False, due_on__lt=today)
    filters = {"open": Q(done=False), "overdue": overdue}
    if user is not None:
        filters |= {"mine_open": Q(done=False, owner=user), "mine_overdue": overdue & Q(owner=user)}
    return filters


def findings_settled_at(*, contact: DirectorContact) -> QuerySet:
    """The parties' words on plan-check findings that name this contact as where they were agreed (§4–§5)."""
    return (
        contact.finding_words.select_related("party", "acting_party", "user", "finding")
        .prefetch_related("finding__activities")
        .order_by("created_at", "id")
    )

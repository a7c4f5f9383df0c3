"""Writes for director contacts and action items (§5): logging, correcting, ticking off, reminding."""

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from portal import permissions
from portal.dashboard_cache import dashboard_changed
from portal.dates import month_start
from portal.notifications import notify

from .models import ActionItem, DirectorContact, contact_history
from .monthly import month_record_correct
from .selectors import action_items_due


@dataclass
class ActionItemData:
    """One row of the action-item formset: an existing item (pk) or a new one; `delete` removes it."""

    text: str
    owner: object
    due_on: dt.date
    done: bool = False
    pk: int | None = None
    delete: bool = False


def _apply_action_items(contact: DirectorContact, items: list[ActionItemData]) -> None:
    existing = {i.pk: i for i in contact.action_items.all()}
    for data in items:
        item = existing.get(data.pk) if data.pk else None
        if data.pk and item is None:
            raise ValidationError(_("An action item belongs to another contact."))
        if data.delete:
            if item is not None:
                item.delete()
            continue
        item = item or ActionItem(contact=contact)
        was_done = item.done
        item.text, item.owner, item.due_on, item.done = data.text, data.owner, data.due_on, data.done
        if item.done and not was_done:
            item.done_at = timezone.now()
        elif not item.done:
            item.done_at = None
        item.full_clean()
        item.save()


def _save_contact(
    contact: DirectorContact, *, participants, task_areas, activities, action_items: list[ActionItemData]
) -> None:
    if not participants:
        raise ValidationError({"participants": _("Name at least one participant.")})
    contact.full_clean()
    created = contact.pk is None
    with transaction.atomic():
        # One history row for the whole change, written once participants and areas are set.
        contact.skip_history_when_saving = True
        try:
            contact.save()
            contact.participants.set(participants)
            contact.task_areas.set(task_areas)
            contact.activities.set(activities)
        finally:
            del contact.skip_history_when_saving
        contact_history.create_historical_record(contact, "+" if created else "~")
        _apply_action_items(contact, action_items)
        month_record_correct(month=month_start(timezone.localtime(contact.occurred_at).date()))
        dashboard_changed()


def contact_create(
    *,
    user,
    occurred_at: dt.datetime,
    form: str,
    participants,
    task_areas=(),
    activities=(),
    agenda: str = "",
    activities_presented: str = "",
    decisions: str = "",
    action_items: list[ActionItemData] = (),
    contact: DirectorContact | None = None,
) -> DirectorContact:
    """Log a director contact with its action items; both parties see it at once (§5).

    `task_areas` are the §4 topics discussed, `activities` the plan activities presented (O1),
    `decisions` what was agreed, `agenda` what the meeting was to go through. A contact that does
    not count for the monthly rule (selectors.contact_shortfalls) is saved all the same.
    `contact` is an unsaved instance to fill (the admin's form holds one); by default a new one.
    """
    if not permissions.may_log_contact(user):
        raise PermissionDenied(_("Only the parties' directors and secretariats can log a director contact."))
    contact = contact or DirectorContact()
    contact.occurred_at, contact.form, contact.logged_by = occurred_at, form, user
    contact.activities_presented, contact.decisions, contact.agenda = activities_presented, decisions, agenda
    _save_contact(
        contact, participants=participants, task_areas=task_areas, activities=activities, action_items=list(action_items)
    )
    return contact


def contact_update(
    *,
    user,
    contact: DirectorContact,
    occurred_at: dt.datetime,
    form: str,
    participants,
    task_areas=(),
    activities=(),
    agenda: str = "",
    activities_presented: str = "",
    decisions: str = "",
    action_items: list[ActionItemData] = (),
) -> DirectorContact:
    """Correct a logged contact; the history keeps what it said before."""
    if not permissions.may_edit_contact(user, contact):
        raise PermissionDenied(_("You cannot change this director contact."))
    contact.occurred_at, contact.form = occurred_at, form
    contact.activities_presented, contact.decisions, contact.agenda = activities_presented, decisions, agenda
    _save_contact(
        contact, participants=participants, task_areas=task_areas, activities=activities, action_items=list(action_items)
    )
    return contact


def action_item_set_done(*, user, item: ActionItem, done: bool) -> bool:
    """Tick an action item off (or reopen it) with a conditional update; False if it already was so."""
    if not permissions.may_update_action_item(user, item):
        raise PermissionDenied(_("You cannot change this action item."))
    changed = ActionItem.objects.filter(pk=item.pk, done=not done).update(
        done=done, done_at=timezone.now() if done else None
    )
    if changed:
        item.refresh_from_db(fields=["done", "done_at"])
        # .update() bypasses simple-history; record the change in the history explicitly.
        item.save(update_fields=["done", "done_at"])
        dashboard_changed()
    return bool(changed)


def action_items_remind(*, today: dt.date) -> list[str]:
    """Remind owners of open action items due soon or overdue, once per item and stage.

    1. Pick open items due within DUE_SOON_DAYS of `today`, or overdue.
    2. Stage "due_soon" until the due date, "overdue" after it ("due on or after": a missed day
       still gets its reminder on the next run).
    3. notify() keyed "<item id>:<stage>" stores each message once, whatever the number of runs.
    """
    sent = []
    for item in action_items_due(today=today):
        stage = "overdue" if item.due_on < today else "due_soon"
        created = notify(
            recipients=[item.owner],
            kind="action_item",
            key=f"{item.pk}:{stage}",
            template="action-item",
            context={"item": item, "stage": stage},
            url=item.get_absolute_url(),
        )
        sent += [f"{n.key} → {n.recipient}" for n in created]
    return sent

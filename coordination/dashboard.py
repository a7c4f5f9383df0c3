"""Reads for the coordination dashboard (/): its sections, rendered once per user and day and cached.

Each figure is one aggregate query (or a short list), so the page costs the same number of
queries with one year of data as with ten. The rendered sections are cached under a key that
includes `dashboard_generation()`: any service that changes what they show calls
`dashboard_changed()`, and the next request renders afresh. Sections fed by other apps (findings,
plans, boards, meetings) are the cards those apps registered (portal.registry), filled by their
own selectors; what waits for the user's own party's word is this app's (selectors_twoparty).
"""

import datetime as dt
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Count
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from agreement.selectors import agreement_status_cached
from portal import permissions
from portal import selectors as portal_selectors
from portal.dashboard_cache import dashboard_generation
from portal.dates import add_months, month_end, month_start
from portal.registry import registry

from . import monthly, selectors, selectors_twoparty
from .models import ActionItem, MonthRecord, MonthStatus

CACHE_SECONDS = 10 * 60
STRIP_MONTHS = 12


@dataclass(frozen=True)
class MonthCell:
    """One month of the kept/missed strip: kept or missed (MonthStatus), or open (the current month, not yet kept) or none."""

    month: dt.date
    status: str


class CellStatus:
    """The strip's states beyond MonthStatus: the current month not yet kept, and a month never recorded."""

    OPEN = "open"
    NONE = "none"


def contact_month(*, today: dt.date, now: dt.datetime) -> dict:
    """This month's C-MONTHLY status, its days left, and the 12-month strip ending with it (two queries).

    Once a notice has ended the agreement the card says so: no days left, no reminder day.
    """
    month = month_start(today)
    agreement = agreement_status_cached()  # what every page's banner reads: no query of its own
    first = add_months(month, -(STRIP_MONTHS - 1))
    kept = monthly.kept_months(first, month, until=now)
    records = dict(MonthRecord.objects.filter(month__gte=first).values_list("month", "status"))
    strip = []
    for i in range(STRIP_MONTHS):
        m = add_months(first, i)
        if m in records:
            status = records[m]
        elif m in kept:
            status = MonthStatus.KEPT
        else:
            status = CellStatus.OPEN if m == month else CellStatus.NONE
        strip.append(MonthCell(m, status))
    ended = agreement.ends_on is not None and today >= agreement.ends_on
    return {
        "month": month,
        "kept": month in kept,
        "ended": ended,
        "ended_on": agreement.ends_on if ended else None,
        "days_left": None if ended else (month_end(month) - today).days + 1,
        "reminder_day": None if ended else monthly.reminder_day(month),
        "strip": strip,
    }


def action_item_counts(*, user, today: dt.date) -> dict[str, int]:
    """Open and overdue action items, overall and the user's own: one aggregate query."""
    filters = selectors.open_action_items_filter(today=today, user=user)
    return selectors.action_items_for(user=user).aggregate(
        **{name: Count("id", filter=q) for name, q in filters.items()}
    )


def dashboard_data(*, user, today: dt.date, now: dt.datetime) -> dict:
    """Everything the dashboard's sections show `user`: contacts for party staff, the other apps' cards by their rules."""
    data = {"today": today}
    if permissions.may_view_contacts(user):
        data["contacts"] = contact_month(today=today, now=now)
        data["director_meetings"] = selectors.upcoming_director_meetings(now=now)
    # What waits for the user's own party's word (§4): plans to approve, findings to answer.
    data["my_word"] = selectors_twoparty.waiting_for_my_party(user=user)
    data["action_items"] = action_item_counts(user=user, today=today)
    data["my_overdue"] = list(
        ActionItem.objects.filter(owner=user, done=False, due_on__lt=today).order_by("due_on")[:5]
    )
    for card in registry.dashboard_cards:
        data[card.key] = card.data(user=user, today=today, now=now)
    return data


def _cached(key: str, compute):
    """`compute()` stored under `key` (a cache that is down is a miss: portal.cache.ResilientRedisCache)."""
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, CACHE_SECONDS)
    return value


def dashboard_sections(request) -> str:
    """The dashboard's sections as HTML, rendered once per user, day and language until something changes.

    The key carries `dashboard_generation()`, which every service that changes a figure bumps on
    commit; the page around it (navigation, unread count, notice banner) is rendered fresh.
    """
    user, now = request.user, timezone.now()
    today = timezone.localdate(now)
    key = f"portal:dashboard:{dashboard_generation()}:{user.pk}:{today.isoformat()}:{get_language()}"

    def render():
        data = dashboard_data(user=user, today=today, now=now)
        context = {
            "data": data,
            "roles": portal_selectors.roles_of(user=user),
            "may_log_contact": permissions.may_log_contact(user),
        }
        return render_to_string("includes/dashboard_sections.html", context, request=request)

    return mark_safe(_cached(key, render))

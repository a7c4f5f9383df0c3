"""Reads for the coordination dashboard (/): its sections, rendered once per user and day and cached.

Each figure is one aggregate query (or a short list), so the page costs the same number of
queries with one year of data as with ten. The rendered sections are cached under a key that
includes `dashboard_generation()`: any service that changes what they show calls
`dashboard_changed()`, and the next request renders afresh. Sections fed by other apps (findings, plans, boards, meetings)
come from those apps' own dashboard selectors.
"""

import datetime as dt
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Count
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from activities import selectors as activity_selectors
from governance import contact_selectors, monthly
from governance import selectors as governance_selectors
from governance.models import ActionItem, MonthRecord, MonthStatus

from . import permissions, selectors
from .dashboard_cache import dashboard_generation

CACHE_SECONDS = 10 * 60
STRIP_MONTHS = 12
# The plan checks' finding kinds (CONTRACT.md, /activities/findings/), in the order shown.
FINDING_KINDS = [
    ("overlap", _("Overlapping activities")),
    ("responsibility", _("Against the responsibility matrix")),
    ("single_track", _("Single-track breaches")),
    ("common_interest", _("Common interest: inform the other party")),
]


@dataclass(frozen=True)
class MonthCell:
    """One month of the kept/missed strip: "kept", "missed", "open" (the current month, not yet kept) or "none"."""

    month: dt.date
    status: str


def contact_month(*, today: dt.date, now: dt.datetime) -> dict:
    """This month's C-MONTHLY status, its days left, and the 12-month strip ending with it (two queries)."""
    month = monthly.month_start(today)
    first = monthly.add_months(month, -(STRIP_MONTHS - 1))
    kept = monthly.kept_months(first, month, until=now)
    records = dict(MonthRecord.objects.filter(month__gte=first).values_list("month", "status"))
    strip = []
    for i in range(STRIP_MONTHS):
        m = monthly.add_months(first, i)
        if m in records:
            status = records[m]
        elif m in kept:
            status = MonthStatus.KEPT
        else:
            status = "open" if m == month else "none"
        strip.append(MonthCell(m, status))
    return {
        "month": month,
        "kept": month in kept,
        "days_left": (monthly.month_end(month) - today).days + 1,
        "reminder_day": monthly.reminder_day(month),
        "strip": strip,
    }


def action_item_counts(*, user, today: dt.date) -> dict[str, int]:
    """Open and overdue action items, overall and the user's own: one aggregate query."""
    filters = contact_selectors.open_action_items_filter(today, user)
    return contact_selectors.action_items_for(user).aggregate(
        **{name: Count("id", filter=q) for name, q in filters.items()}
    )


def finding_rows(findings: dict[str, int] | None) -> list[dict] | None:
    """The open findings by kind, labelled, for the dashboard's links to the findings page."""
    if findings is None:
        return None
    return [{"kind": kind, "label": label, "count": findings.get(kind, 0)} for kind, label in FINDING_KINDS]


def dashboard_data(user, *, today: dt.date, now: dt.datetime) -> dict:
    """Everything the dashboard's sections show `user`: contacts for party staff, the rest by each app's rules."""
    data = {"today": today}
    if permissions.may_view_contacts(user):
        data["contacts"] = contact_month(today=today, now=now)
        data["director_meetings"] = contact_selectors.upcoming_director_meetings(now=now)
    data["action_items"] = action_item_counts(user=user, today=today)
    data["my_overdue"] = list(
        ActionItem.objects.filter(owner=user, done=False, due_on__lt=today).order_by("due_on")[:5]
    )
    data["findings"] = activity_selectors.dashboard_findings(user=user)
    data["plans"] = activity_selectors.dashboard_plans(user=user, years=[today.year, today.year + 1])
    data["board_rules"] = governance_selectors.dashboard_board_rules()
    data["board_meetings"] = governance_selectors.dashboard_upcoming_meetings(user=user, limit=5)
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
        data = dashboard_data(user, today=today, now=now)
        context = {
            "data": data,
            "finding_rows": finding_rows(data["findings"]),
            "roles": selectors.roles_of(user),
            "may_log_contact": permissions.may_log_contact(user),
        }
        return render_to_string("portal/includes/dashboard_sections.html", context, request=request)

    return mark_safe(_cached(key, render))

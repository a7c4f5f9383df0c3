"""Reads for the coordination dashboard (/): one cached bundle of figures per user and day.

Each figure is one aggregate query (or a short list), so the page costs the same number of
queries with one year of data as with ten. The bundle is cached under a key that includes
`dashboard_generation()`: any service that changes what it counts calls `dashboard_changed()`,
and the next request recomputes. Sections fed by other apps (findings, plans, boards, meetings)
are looked up by name and left out (None) while their app does not provide them.
"""

import datetime as dt
import importlib
import logging
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from governance import contact_selectors, monthly
from governance.models import ActionItem, MonthRecord, MonthStatus

from . import permissions
from .dashboard_cache import dashboard_generation

logger = logging.getLogger(__name__)
CACHE_SECONDS = 10 * 60
STRIP_MONTHS = 12
# The plan checks' finding kinds (CONTRACT.md, /activities/findings/), in the order shown.
FINDING_KINDS = [
    ("overlap", _("Overlapping activities")),
    ("responsibility", _("Against the responsibility matrix")),
    ("single_track", _("Single-track breaches")),
    ("common_interest", _("Common interest: inform the other party")),
]


def provided(module: str, name: str):
    """The function `module.name` when its app provides it, else None (that section is not shown)."""
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        return None


def _call(module: str, name: str, **kwargs):
    function = provided(module, name)
    return None if function is None else function(**kwargs)


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


def _compute(user, *, today: dt.date, now: dt.datetime) -> dict:
    data = {"today": today}
    if permissions.may_view_contacts(user):
        data["contacts"] = contact_month(today=today, now=now)
        data["director_meetings"] = contact_selectors.upcoming_director_meetings(now=now)
    data["action_items"] = action_item_counts(user=user, today=today)
    data["my_overdue"] = list(
        ActionItem.objects.filter(owner=user, done=False, due_on__lt=today).order_by("due_on")[:5]
    )
    data["findings"] = _call("activities.selectors", "dashboard_findings", user=user)
    data["plans"] = _call("activities.selectors", "dashboard_plans", user=user, years=[today.year, today.year + 1])
    data["board_rules"] = _call("governance.selectors", "dashboard_board_rules")
    data["board_meetings"] = _call("governance.selectors", "dashboard_upcoming_meetings", user=user, limit=5)
    return data


def dashboard_data(user, *, today: dt.date | None = None) -> dict:
    """Everything the dashboard shows `user`, from the cache when nothing behind it has changed."""
    now = timezone.now()
    today = today or timezone.localdate(now)
    key = f"portal:dashboard:{dashboard_generation()}:{user.pk}:{today.isoformat()}"
    try:
        data = cache.get(key)
    except Exception:  # a cache that is down never fails the page
        logger.warning("Cache unavailable; the dashboard is computed without it.")
        data = None
    if data is None:
        data = _compute(user, today=today, now=now)
        try:
            cache.set(key, data, CACHE_SECONDS)
        except Exception:
            logger.warning("Cache unavailable; the dashboard figures were not stored.")
    return data

"""Calendar arithmetic in the portal's time zone (settings.TIME_ZONE, Europe/Copenhagen), defined once.

Used by §6 (notice ends three calendar months later) and §5 C-MONTHLY (calendar months, local days).
"""

import calendar
import datetime as dt

from django.utils import timezone


def add_months(day: dt.date, months: int) -> dt.date:
    """`day` plus whole calendar months; a day the target month lacks becomes its last day (30 Nov + 3 → 28 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def month_end(month: dt.date) -> dt.date:
    """The last day of the month starting `month`."""
    return month.replace(day=calendar.monthrange(month.year, month.month)[1])


def local_midnight(day: dt.date) -> dt.datetime:
    """The start of `day` in the portal's time zone (DST-safe: midnight exists on every Danish day)."""
    return dt.datetime.combine(day, dt.time.min, tzinfo=timezone.get_default_timezone())

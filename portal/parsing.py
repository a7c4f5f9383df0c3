"""Numbers and dates from the outside world (URLs, query strings, forms), parsed one way everywhere.

`str.isdigit()` is true for "²" and "٣", and `int()` takes Arabic-Indic digits and 30-digit
numbers that no database column holds; either ends as a 500. Here an id is ASCII digits in the
range of a database id, a year is one a plan can have, and a date lies in a range that calendar
arithmetic (a notice's end, a month after) cannot overflow.
"""

from __future__ import annotations

import datetime as dt
import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.formats import date_format
from django.utils.translation import gettext as _

MAX_ID = 2**63 - 1  # a BigAutoField
# The plan's own constraint (activities.Plan, "plan_year_sensible").
YEAR_MIN, YEAR_MAX = 2000, 2100
DATE_MIN, DATE_MAX = dt.date(1900, 1, 1), dt.date(2199, 12, 31)
_DIGITS = re.compile(r"[0-9]{1,19}")


def parse_id(value) -> int | None:
    """The database id `value` spells in ASCII digits, or None (for "", "²", "-1", "0", 30 digits)."""
    if not isinstance(value, str) or not _DIGITS.fullmatch(value):
        return None
    number = int(value)
    return number if 1 <= number <= MAX_ID else None


def parse_ids(values) -> list[int]:
    """The ids among `values` (e.g. request.POST.getlist("id")); anything else is left out."""
    return [number for number in map(parse_id, values) if number is not None]


def parse_year(value) -> int | None:
    """The plan year `value` spells in ASCII digits, or None."""
    if not isinstance(value, str) or not re.fullmatch(r"[0-9]{4}", value):
        return None
    year = int(value)
    return year if YEAR_MIN <= year <= YEAR_MAX else None


def validate_date(value) -> None:
    """A date (or a date and time) between DATE_MIN and DATE_MAX."""
    day = value.date() if isinstance(value, dt.datetime) else value
    if day is not None and not DATE_MIN <= day <= DATE_MAX:
        raise ValidationError(
            _("Give a date between %(min)s and %(max)s.")
            % {"min": date_format(DATE_MIN, "SHORT_DATE_FORMAT"), "max": date_format(DATE_MAX, "SHORT_DATE_FORMAT")},
            code="date_range",
        )


class SensibleDates:
    """Form mixin: every date and date-time field accepts only dates in DATE_MIN..DATE_MAX
    (and tells the browser's date picker so)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, (forms.DateField, forms.DateTimeField)):
                field.validators.append(validate_date)
                is_datetime = isinstance(field, forms.DateTimeField)
                field.widget.attrs.setdefault("min", f"{DATE_MIN.isoformat()}{'T00:00' if is_datetime else ''}")
                field.widget.attrs.setdefault("max", f"{DATE_MAX.isoformat()}{'T23:59' if is_datetime else ''}")


class IdConverter:
    """`<id:pk>` in a URL: a database id in ASCII digits; anything else does not match (a 404)."""

    regex = "[0-9]{1,19}"

    def to_python(self, value: str) -> int:
        number = parse_id(value)
        if number is None:
            raise ValueError(value)
        return number

    def to_url(self, value) -> str:
        return str(int(value))


class YearConverter:
    """`<year:year>` in a URL: a plan year (YEAR_MIN..YEAR_MAX); anything else is a 404."""

    regex = "[0-9]{4}"

    def to_python(self, value: str) -> int:
        year = parse_year(value)
        if year is None:
            raise ValueError(value)
        return year

    def to_url(self, value) -> str:
        return str(int(value))

"""Importing a plan spreadsheet: all rows or none, every bad row reported with its line number."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from agreement.models import MatrixRow, TaskArea
from portal import permissions
from portal.parsing import validate_date

from .. import spreadsheets
from ..models import Activity, ActivityStatus, Plan, Visibility
from .plans import activities_bulk_create, activity_validate, plan_clear


class ImportRejected(ValidationError):
    """The file had bad rows; nothing was imported. `errors` is [(line number, reason)]."""

    def __init__(self, errors: list[tuple[int, str]]):
        self.errors = errors
        super().__init__(_("Nothing was imported: %(count)d rows have errors.") % {"count": len(errors)})


YES, NO = {"yes", "ja", "y", "true", "1"}, {"no", "nej", "n", "false", "0", ""}


def _date(value: str, column: str) -> dt.date:
    try:
        day = dt.date.fromisoformat(value.strip())
    except ValueError:
        raise ValidationError(_("%(column)s must be a date written YYYY-MM-DD, not \"%(value)s\".") % {"column": column, "value": value}) from None
    try:
        validate_date(day)
    except ValidationError as exc:
        raise ValidationError(f"{column}: {exc.messages[0]}") from None
    return day


def _activity_from_row(row: dict[str, str], *, plan: Plan, areas: dict, matrix: dict) -> Activity:
    """An unsaved Activity from one row, or a ValidationError whose messages say what is wrong."""
    problems = []
    area = areas.get(row["task_area"].strip().lower())
    if area is None:
        problems.append(_("task_area must be one of %(choices)s, not \"%(value)s\".") % {"choices": " ".join(areas), "value": row["task_area"]})
    code = row["responsibility"].strip()
    if code and code not in matrix:
        problems.append(_("responsibility \"%(value)s\" is not a row of the matrix (e.g. 3.1).") % {"value": code})
    dates = {}
    for column in ("start", "end"):
        try:
            dates[column] = _date(row[column], column)
        except ValidationError as exc:
            problems.extend(exc.messages)
    common = row["common_interest"].strip().lower()
    if common not in YES | NO:
        problems.append(_("common_interest must be yes or no, not \"%(value)s\".") % {"value": row["common_interest"]})
    status = row["status"].strip().lower() or ActivityStatus.PLANNED
    if status not in ActivityStatus.values:
        problems.append(_("status must be one of %(choices)s, not \"%(value)s\".") % {"choices": " ".join(ActivityStatus.values), "value": row["status"]})
    visibility = row["visibility"].strip().lower() or Visibility.INTERNAL
    if visibility not in Visibility.values:
        problems.append(_("visibility must be one of %(choices)s, not \"%(value)s\".") % {"choices": " ".join(Visibility.values), "value": row["visibility"]})
    if problems:
        raise ValidationError(problems)
    activity = Activity(
        plan=plan, title=row["title"], description=row["description"], task_area=area, matrix_row=matrix.get(code),
        start=dates["start"], end=dates["end"], topics=row["topics"], counterparts=row["counterparts"],
        target_groups=row["target_groups"], common_interest=common in YES, status=status,
        visibility=visibility,
    )
    try:
        activity_validate(activity)
    except ValidationError as exc:
        raise ValidationError(
            [f"{name}: {message}" if name != "__all__" else message for name, messages in exc.message_dict.items() for message in messages]
        ) from None
    return activity


def plan_import(*, user, plan: Plan, name: str, data: bytes, replace: bool = False) -> int:
    """Import a CSV or XLSX file into `plan`: every row, or none and the list of what is wrong.

    1. Read the file; a wrong header or an unreadable file is one error on line 1.
    2. Build and validate every row, collecting each bad row's line number and reasons.
    3. Only if no row is bad: (with `replace`, delete the plan's activities first,) store them all
       in one transaction and queue their checks.
    `user` is None from the command line.
    """
    if user is not None and not permissions.may_edit_plan(user, plan):
        raise PermissionDenied(_("Only the party's secretariat can change its plan."))
    try:
        rows = spreadsheets.read(name, data)
    except ValidationError as exc:
        raise ImportRejected([(1, " ".join(exc.messages))]) from None
    areas = {a.slug: a for a in TaskArea.objects.all()}
    matrix = {r.code: r for r in MatrixRow.objects.all()}
    activities, errors = [], []
    for line, row in rows:
        try:
            activities.append(_activity_from_row(row, plan=plan, areas=areas, matrix=matrix))
        except ValidationError as exc:
            errors.append((line, " ".join(exc.messages)))
    if errors:
        raise ImportRejected(errors)
    if not activities:
        raise ImportRejected([(2, _("The file has no activities below the header."))])
    with transaction.atomic():
        if replace:
            plan_clear(user=user, plan=plan)
        activities_bulk_create(plan=plan, activities=activities, user=user)
    return len(activities)


"""The newsletter export (§1 P1, Appendix 1 5.1): next month's visible activities of both parties, as HTML to paste and as CSV."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from activities.spreadsheets import neutralise

from .selectors import ActivityRow, Criteria, activities_filtered

CSV_COLUMNS = ["title", "organisers", "start", "end", "place", "task_area", "target_groups", "signup_url", "url", "cancelled"]


def coming_month(*, user, today: dt.date | None = None) -> tuple[dt.date, list[ActivityRow]]:
    """The first day of next month and the activities running in it that members may see."""
    today = today or timezone.localdate()
    month = (today.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
    return month, activities_filtered(user=user, criteria=Criteria(month=month))


def _url(row) -> str:
    return settings.PORTAL_BASE_URL.rstrip("/") + reverse("members:activity", args=[row.id])


def html_snippet(rows: list[ActivityRow], *, month: dt.date) -> str:
    """Plain HTML (no classes, no scripts) that any newsletter tool takes as it is."""
    return render_to_string("members/newsletter_snippet.html", {"rows": [(r, _url(r)) for r in rows], "month": month})


def csv_rows(rows: list[ActivityRow]) -> list[list[str]]:
    return [
        [neutralise(str(c)) for c in (
            r.title, " & ".join(r.organisers), r.start.isoformat(), r.end.isoformat(), r.place, r.area_name,
            "; ".join(r.target_groups), r.signup_url, _url(r), "yes" if r.cancelled else "no",
        )]
        for r in rows
    ]

"""The visible activities as iCalendar (for Outlook and other calendar apps) and as an Atom feed."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils import feedgenerator, timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

PRODID = "-//Samarbejdsportalen//CenSec DI FOS//DA"


def _url(base_url: str, row) -> str:
    return base_url + reverse("members:activity", args=[row.id])


def _summary(row) -> str:
    title = f"{row.title} ({' & '.join(row.organisers)})"
    return f"{_('Cancelled')}: {title}" if row.cancelled else title


def ics(rows, *, base_url: str) -> bytes:
    """All-day events (the plans hold dates, not times); a cancelled activity stays with STATUS:CANCELLED."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("x-wr-calname", _("Activities of CenSec and DI FOS"))
    cal.add("x-wr-timezone", "Europe/Copenhagen")
    stamp = timezone.now().astimezone(dt.UTC).replace(microsecond=0)
    host = base_url.split("://", 1)[-1].split("/", 1)[0]
    for row in rows:
        event = Event()
        event.add("uid", f"activity-{row.id}@{host}")
        event.add("dtstamp", stamp)
        event.add("last-modified", row.updated_at.astimezone(dt.UTC).replace(microsecond=0))
        event.add("dtstart", row.start)
        event.add("dtend", row.end + dt.timedelta(days=1))  # DTEND of an all-day event is exclusive
        event.add("summary", _summary(row))
        description = row.description
        if row.signup_url:
            description = f"{description}\n\n{_('Sign up')}: {row.signup_url}".strip()
        if description:
            event.add("description", description)
        if row.place:
            event.add("location", row.place)
        event.add("url", _url(base_url, row))
        event.add("status", "CANCELLED" if row.cancelled else "CONFIRMED")
        event.add("organizer", f"mailto:noreply@{host}", parameters={"cn": " & ".join(row.organisers)})
        if row.target_groups:
            event.add("categories", row.target_groups)
        cal.add_component(event)
    return cal.to_ical()


def atom(rows, *, base_url: str, feed_url: str, title: str, link: str, limit: int = 100) -> bytes:
    """The most recently changed activities first."""
    feed = feedgenerator.Atom1Feed(title=title, link=link, feed_url=feed_url, description="", language="da", feed_guid=feed_url)
    for row in sorted(rows, key=lambda r: (r.updated_at, r.id), reverse=True)[:limit]:
        when = f"{row.start:%Y-%m-%d}" + (f" – {row.end:%Y-%m-%d}" if row.end != row.start else "")
        parts = [when, " & ".join(row.organisers), row.place, row.description]
        feed.add_item(
            title=_summary(row), link=_url(base_url, row), unique_id=_url(base_url, row),
            description="\n".join(p for p in parts if p), updateddate=row.updated_at, pubdate=row.updated_at,
            author_name=" & ".join(row.organisers), categories=row.target_groups,
        )
    return feed.writeString("utf-8").encode()

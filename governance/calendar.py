"""The personal calendar feed (iCalendar, RFC 5545): meetings only — title, time, place and a link, never materials."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar, Event, Timezone

TZ = "Europe/Copenhagen"


def feed(meetings) -> bytes:
    """An iCalendar document with one VEVENT per meeting, times in Europe/Copenhagen."""
    zone = ZoneInfo(TZ)
    calendar = Calendar()
    calendar.add("prodid", "-//Samarbejdsportalen//Board meetings//DA")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", "Samarbejdsportalen")
    calendar.add("x-wr-timezone", TZ)
    calendar.add_component(Timezone.from_tzid(TZ, first_date=datetime(2020, 1, 1).date()))
    stamp = timezone.now()
    base = settings.PORTAL_BASE_URL.rstrip("/")
    for meeting in meetings:
        event = Event()
        event.add("uid", f"meeting-{meeting.pk}@samarbejdsportalen")
        event.add("dtstamp", stamp)
        event.add("dtstart", meeting.starts_at.astimezone(zone))
        event.add("dtend", meeting.ends_at.astimezone(zone))
        event.add("summary", f"{meeting.title} ({meeting.board})")
        if meeting.place:
            event.add("location", meeting.place)
        url = base + reverse("governance:meeting", args=[meeting.pk])
        event.add("url", url)
        event.add("description", url)
        event.add("sequence", meeting.sequence)
        event.add("status", "CANCELLED" if meeting.cancelled_at else "CONFIRMED")
        calendar.add_component(event)
    return calendar.to_ical()

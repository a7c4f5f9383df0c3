"""Meeting invitations as iCalendar (RFC 5545 / iTIP RFC 5546): one VEVENT with a stable UID and a SEQUENCE.

A new meeting is `METHOD:REQUEST` with `SEQUENCE:0`; each move or change raises the meeting's
`sequence` and sends a new REQUEST with the same UID (calendars update the event in place); a
cancellation is `METHOD:CANCEL` with `STATUS:CANCELLED`. ORGANIZER is the portal's sender address
on behalf of the board, ATTENDEE lines name the board's members and observers: Outlook and Google
Calendar need both to treat the message as an invitation rather than a plain event.
"""

from dataclasses import dataclass
from datetime import datetime
from email.utils import parseaddr
from zoneinfo import ZoneInfo

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar, Event, Timezone, vCalAddress, vText

from .models import AttendanceAnswer, Meeting

TZ = "Europe/Copenhagen"
REQUEST = "REQUEST"
CANCEL = "CANCEL"
PARTSTAT = {AttendanceAnswer.ATTENDING: "ACCEPTED", AttendanceAnswer.NOT_ATTENDING: "DECLINED"}


@dataclass(frozen=True)
class Invitee:
    """Someone invited: a current member or observer of the board (selectors_meetings.invitees)."""

    user_id: int
    name: str
    email: str
    observer: bool
    answer: str = ""


def uid(meeting: Meeting) -> str:
    """The event's UID, the same in every invitation and in the personal calendar feed."""
    return f"meeting-{meeting.pk}@samarbejdsportalen"


def method_for(meeting: Meeting) -> str:
    return CANCEL if meeting.cancelled_at else REQUEST


def mimetype_for(meeting: Meeting) -> str:
    return f"text/calendar; method={method_for(meeting)}"


def _organizer(meeting: Meeting) -> vCalAddress:
    name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    organizer = vCalAddress(f"mailto:{address or 'portal@localhost'}")
    organizer.params["cn"] = vText(str(meeting.board))
    return organizer


def invitation(meeting: Meeting, invitees: list[Invitee]) -> str:
    """The iCalendar document of the meeting's current invitation (REQUEST, or CANCEL once cancelled)."""
    zone = ZoneInfo(TZ)
    method = method_for(meeting)
    cal = Calendar()
    cal.add("prodid", "-//Samarbejdsportalen//Board meetings//DA")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", method)
    cal.add_component(Timezone.from_tzid(TZ, first_date=datetime(2020, 1, 1).date()))
    event = Event()
    event.add("uid", uid(meeting))
    event.add("sequence", meeting.sequence)
    event.add("dtstamp", timezone.now())
    event.add("dtstart", meeting.starts_at.astimezone(zone))
    event.add("dtend", meeting.ends_at.astimezone(zone))
    event.add("summary", f"{meeting.title} ({meeting.board})")
    if meeting.place:
        event.add("location", meeting.place)
    url = settings.PORTAL_BASE_URL.rstrip("/") + reverse("governance:meeting", args=[meeting.pk])
    event.add("url", url)
    event.add("description", url)
    event.add("status", "CANCELLED" if method == CANCEL else "CONFIRMED")
    event.add("transp", "OPAQUE")
    event.add("organizer", _organizer(meeting))
    for person in invitees:
        if not person.email:
            continue
        attendee = vCalAddress(f"mailto:{person.email}")
        attendee.params["cn"] = vText(person.name)
        attendee.params["role"] = vText("OPT-PARTICIPANT" if person.observer else "REQ-PARTICIPANT")
        attendee.params["cutype"] = vText("INDIVIDUAL")
        attendee.params["partstat"] = vText(PARTSTAT.get(person.answer, "NEEDS-ACTION"))
        attendee.params["rsvp"] = vText("TRUE")
        event.add("attendee", attendee, encode=0)
    cal.add_component(event)
    return cal.to_ical().decode()

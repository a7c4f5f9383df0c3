"""Reads for the members pages: visible activities (list, calendar, feeds), services, who does what, whom to contact.

Everything a member or visitor sees goes through `portal.permissions` (visible_member_activities,
visible_services), so a page, a feed, the sitemap and the newsletter show the same things.
"""

from __future__ import annotations

import calendar
import hashlib
import datetime as dt
from dataclasses import dataclass, field

import Stemmer
from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from activities.models import ActivityStatus
from agreement.models import Duty, Lead, MatrixRow, Organisation, TaskArea
from agreement.selectors import STOPWORDS, matrix_grid, matrix_lookup, normalise, parties_by_slug, party_organisations
from portal import permissions
from portal.public_cache import public_generation

ROWS_CACHE_SECONDS = 3600
MIN_PREFIX = 4


def audience(*, user) -> str:
    """"members" or "public": which cached copy of the members pages this user gets."""
    return "members" if len(permissions.member_visibilities(user)) > 1 else "public"


def _language() -> str:
    return "en" if (get_language() or "da").startswith("en") else "da"


def cache_key(*parts, user) -> str:
    """A cache key for something the members pages show: stale as soon as a visible activity changes."""
    digest = hashlib.sha256("\x1f".join(map(str, parts)).encode()).hexdigest()[:32]  # free text never reaches the key itself
    return ":".join(["members", str(public_generation()), audience(user=user), _language(), digest])


@dataclass
class ActivityRow:
    """One activity as members see it; a joint activity listed by both parties is one row with both organisers."""

    id: int
    title: str
    description: str
    organisers: list[str]
    organiser_slugs: list[str]
    area_slug: str
    area_name: str
    start: dt.date
    end: dt.date
    place: str
    target_groups: list[str]
    signup_url: str
    cancelled: bool
    updated_at: dt.datetime
    words: set[str] = field(default_factory=set, repr=False)

    @property
    def joint(self) -> bool:
        return len(self.organisers) > 1


def _terms(text: str) -> list[str]:
    return [t.strip() for t in text.split(";") if t.strip()]


def _build_rows(*, user) -> list[ActivityRow]:
    """Every activity the user may see, joint ones merged, by start date (one query)."""
    activities = (
        permissions.visible_member_activities(user)
        .select_related("plan__organisation", "task_area", "partner")
        .only(
            "id", "title", "description", "start", "end", "place", "target_groups", "signup_url", "status", "updated_at",
            "topics", "plan__organisation__slug", "plan__organisation__short_name", "task_area__slug",
            "task_area__number", "task_area__name_da", "task_area__name_en", "partner__slug", "partner__short_name",
            "partner_confirmed_at",
        )
        .order_by("start", "id")
    )
    rows: list[ActivityRow] = []
    joint: dict[tuple, ActivityRow] = {}
    for a in activities.iterator(chunk_size=2000):
        # A co-organiser is shown only once the partner party confirmed it (i11d).
        partner = a.partner if a.partner_id and a.partner_confirmed_at else None
        organiser = a.plan.organisation
        organisers = [(organiser.slug, organiser.short_name)]
        if partner:
            organisers.append((partner.slug, partner.short_name))
        organisers.sort()
        key = (tuple(slug for slug, _n in organisers), a.start, tuple(normalise(a.title)))
        if partner and key in joint:
            continue  # the partner's plan lists the same joint activity: show it once
        row = ActivityRow(
            id=a.pk, title=a.title, description=a.description, organisers=[n for _s, n in organisers],
            organiser_slugs=[s for s, _n in organisers], area_slug=a.task_area.slug, area_name=a.task_area.name,
            start=a.start, end=a.end, place=a.place, target_groups=_terms(a.target_groups), signup_url=a.signup_url,
            cancelled=a.status == ActivityStatus.CANCELLED, updated_at=a.updated_at,
            words=stems(" ".join([a.title, a.description, a.topics, a.target_groups, a.place])),
        )
        if partner:
            joint[key] = row
        rows.append(row)
    return rows


def activity_rows(*, user) -> list[ActivityRow]:
    """The visible activities, from the cache (rebuilt after any change to a visible activity)."""
    key = cache_key("rows", user=user)
    rows = cache.get(key)
    if rows is None:
        rows = _build_rows(user=user)
        cache.set(key, rows, ROWS_CACHE_SECONDS)
    return rows


_STEMMER = Stemmer.Stemmer("danish")


def stems(text: str) -> set[str]:
    """The Danish stems of the text's words (agreement.selectors.normalise joins "match-making" first)."""
    return set(_STEMMER.stemWords(normalise(text)))


def search_words(text: str) -> list[str]:
    """The query's stems, question words left out."""
    return _STEMMER.stemWords([w for w in normalise(text) if w not in STOPWORDS])


def _word_matches(word: str, words: set[str]) -> bool:
    """Danish-aware: a word matches its inflected and compound forms ("messe" ~ "messer", "eksport" ~ "eksportkontrol")."""
    if word in words:
        return True
    if len(word) < MIN_PREFIX:
        return False
    return any(w.startswith(word) or (len(w) >= MIN_PREFIX + 1 and word.startswith(w)) for w in words)


@dataclass(frozen=True)
class Criteria:
    organisation: str = ""
    task_area: str = ""
    target_group: str = ""
    month: dt.date | None = None  # first day of the month
    q: str = ""

    def key(self) -> str:
        return "|".join([self.organisation, self.task_area, self.target_group.lower(), str(self.month or ""), self.q.lower()])


def activities_filtered(*, user, criteria: Criteria, today: dt.date | None = None) -> list[ActivityRow]:
    """The activities that match: in a month when one is given, else from today on."""
    today = today or timezone.localdate()
    if criteria.month:
        first = criteria.month
        last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
        when = lambda r: r.start <= last and r.end >= first  # noqa: E731
    else:
        when = lambda r: r.end >= today  # noqa: E731
    words = search_words(criteria.q)
    group = criteria.target_group.strip().lower()
    return [
        r for r in activity_rows(user=user)
        if when(r)
        and (not criteria.organisation or criteria.organisation in r.organiser_slugs)
        and (not criteria.task_area or r.area_slug == criteria.task_area)
        and (not group or group in (g.lower() for g in r.target_groups))
        and all(_word_matches(w, r.words) for w in words)
    ]


def target_groups(*, user) -> list[str]:
    """Every target group named by a visible activity, for the filter (cached like the rows)."""
    key = cache_key("groups", user=user)
    groups = cache.get(key)
    if groups is None:
        groups = _target_groups(user=user)
        cache.set(key, groups, ROWS_CACHE_SECONDS)
    return groups


def _target_groups(*, user) -> list[str]:
    seen = {}
    for row in activity_rows(user=user):
        for group in row.target_groups:
            seen.setdefault(group.lower(), group)
    return sorted(seen.values(), key=str.lower)


@dataclass
class Day:
    date: dt.date
    in_month: bool
    activities: list[ActivityRow]


def month_calendar(rows: list[ActivityRow], month: dt.date) -> list[list[Day]]:
    """Weeks (Monday first) of the month, each day of the month with the activities running that day."""
    weeks = []
    for week in calendar.Calendar(firstweekday=0).monthdatescalendar(month.year, month.month):
        weeks.append([
            Day(d, d.month == month.month, [r for r in rows if r.start <= d <= r.end] if d.month == month.month else [])
            for d in week
        ])
    return weeks


def activity_get(*, user, pk: int) -> ActivityRow | None:
    return next((r for r in activity_rows(user=user) if r.id == pk), None)


# --- who does what ------------------------------------------------------------------------------

LEAD_CELL = "lead"
# What an organisation does for a matrix row, in words a member company reads (label, style).
CELL_WORDS = {
    LEAD_CELL: (_("Leads"), "cell-lead"),
    Lead.BOTH: (_("Both, each in its own right"), "cell-shared"),
    Lead.JOINT: (_("Together"), "cell-shared"),
    Lead.EACH: (_("Each for its own members"), "cell-shared"),
    Duty.INFORMED: (_("Is kept informed"), "cell-duty"),
    Duty.CONSULTED: (_("Is consulted"), "cell-duty"),
    Duty.INVOLVED: (_("Is informed and involved"), "cell-duty"),
    Duty.JOINT: (_("Together"), "cell-shared"),
    Duty.TAKES_PART: (_("Also takes part"), "cell-duty"),
}


def who_does_what() -> dict:
    """The two parties side by side and, per task area, what each does for each matrix row (from the agreement data)."""
    parties = list(party_organisations())
    areas = []
    for area, rows in matrix_grid():
        lines = []
        for g in rows:
            cells = []
            for p in parties:
                cell = g.cells.get(p.slug, "")
                if not cell and g.row.lead == Lead.DI and p.slug == "difos":
                    cell = LEAD_CELL  # Dansk Industri, of which DI FOS is part, leads
                label, css = CELL_WORDS.get(cell, ("—", ""))
                cells.append({"party": p, "label": label, "css": css})
            lines.append({"row": g.row, "cells": cells})
        areas.append({"area": area, "rows": lines})
    return {"parties": parties, "areas": areas}


# --- whom to contact ----------------------------------------------------------------------------


@dataclass
class ContactAnswer:
    """An answer to "whom do I contact about …?": the subject as the matrix puts it, the organisations that lead it, whom to write to."""

    subject: str
    area: TaskArea
    organisations: list[Organisation]
    contacts: list[dict]


def _leaders(row: MatrixRow, parties: dict[str, Organisation]) -> list[Organisation]:
    if row.lead_party_slug:
        return [parties[row.lead_party_slug]]
    return list(parties.values())


def contact_lookup(*, user, query: str, limit: int = 3) -> list[ContactAnswer]:
    """The best matrix rows for the question, each answered with the leading organisation and its contact.

    The contact is the contact person of a visible service of that organisation on that row when
    there is one, else the organisation's public contact. No rule text (ids, duties, single-track
    notes, counterparts) is given: members need to know whom to ask, not how the parties divide it.
    """
    from .models import OrganisationContact

    hits = matrix_lookup(query)[:limit]
    if not hits:
        return []
    parties = {o.slug: o for o in party_organisations()}
    fronts = {c.organisation_id: c for c in OrganisationContact.objects.filter(organisation__in=parties.values())}
    services = {}
    for s in permissions.visible_services(user).filter(matrix_row__in=[h.row for h in hits]).exclude(contact_email=""):
        services.setdefault((s.matrix_row_id, s.organisation_id), s)
    answers = []
    for hit in hits:
        contacts = []
        for org in _leaders(hit.row, parties):
            service = services.get((hit.row.pk, org.pk))
            front = fronts.get(org.pk)
            if service:
                contacts.append({"organisation": org, "name": service.contact_name, "email": service.contact_email, "service": service.name})
            elif front:
                contacts.append({"organisation": org, "name": "", "email": front.email, "phone": front.phone, "website": front.website})
            else:
                contacts.append({"organisation": org})
        answers.append(ContactAnswer(hit.row.responsibility, hit.row.area, _leaders(hit.row, parties), contacts))
    return answers


# --- services -----------------------------------------------------------------------------------


def services_filtered(*, user, organisation: str = "", task_area: str = "", q: str = ""):
    services = list(
        permissions.visible_services(user).select_related("organisation", "matrix_row__area").order_by("organisation__slug", "name")
    )
    words = search_words(q)
    return [
        s for s in services
        if (not organisation or s.organisation.slug == organisation)
        and (not task_area or (s.matrix_row_id and s.matrix_row.area.slug == task_area))
        and all(_word_matches(w, stems(f"{s.name} {s.description} {s.for_whom}")) for w in words)
    ]


def task_areas() -> list[TaskArea]:
    """The five task areas (they change only when `load_agreement` runs): cached for an hour."""
    areas = cache.get("members:task-areas")
    if areas is None:
        areas = list(TaskArea.objects.order_by("number"))
        cache.set("members:task-areas", areas, 3600)
    return areas


def parties() -> list[Organisation]:
    return sorted(parties_by_slug().values(), key=lambda o: o.slug)

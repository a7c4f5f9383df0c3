"""A finding in one sentence a director understands: the rule, the activities, the parties, whom to talk to."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _

from agreement.models import Party

from .models import Activity, Finding, FindingDuty, FindingKind
from .text import Analyzer

OTHER_PARTY = {party.value: party.other.value for party in Party}


def _lead_slug(finding: Finding) -> str | None:
    return finding.matrix_row.lead_party_slug if finding.matrix_row_id else None


def organisations(finding: Finding) -> list[str]:
    """Slugs of the parties a finding concerns: the activities' owners, and the lead or the party to be informed."""
    slugs = {a.plan.organisation.slug for a in finding.activities.all()}
    if finding.kind in (FindingKind.RESPONSIBILITY, FindingKind.SINGLE_TRACK) and _lead_slug(finding):
        slugs.add(_lead_slug(finding))
    if finding.kind in (FindingKind.COMMON_INTEREST, FindingKind.INFORM):
        slugs |= {OTHER_PARTY[s] for s in list(slugs) if s in OTHER_PARTY}
    return sorted(slugs)


def told_party(finding: Finding) -> str | None:
    """For a common-interest or `inform` finding: the slug of the party that is told, the party other
    than the activity's plan organisation (None for other kinds, or when its activity is gone)."""
    if finding.kind not in (FindingKind.COMMON_INTEREST, FindingKind.INFORM):
        return None
    owners = {a.plan.organisation.slug for a in finding.activities.all()}
    told = {OTHER_PARTY[s] for s in owners if s in OTHER_PARTY} - owners
    return next(iter(told), None) if len(told) == 1 else None


@dataclass
class Side:
    """One activity of a finding as the page shows it: a link, its plan year and dates, and for an
    overlap the words that matched, as (piece, matched) runs of its title and description."""

    activity: Activity
    url: str
    dates: str
    matched: list[str]
    title: list[tuple[str, bool]]
    description: list[tuple[str, bool]]


def dates(activity: Activity) -> str:
    start, end = formats.date_format(activity.start, "SHORT_DATE_FORMAT"), formats.date_format(activity.end, "SHORT_DATE_FORMAT")
    return start if activity.start == activity.end else f"{start}–{end}"


def finding_activities(finding: Finding) -> list[Activity]:
    return sorted(finding.activities.all(), key=lambda a: (a.plan.organisation.slug, a.pk))


def sides(finding: Finding, analyzer: Analyzer | None) -> list[Side]:
    """The finding's activities, each with what it matched on (for an overlap: the stored shared features)."""
    shared = set(filter(None, finding.detail.split("; "))) if finding.kind == FindingKind.OVERLAP and analyzer else set()
    result = []
    for a in finding_activities(finding):
        matched: list[str] = []
        if shared:
            for value in (a.title, a.description, a.topics, a.counterparts, a.target_groups):
                matched.extend(piece for piece, hit in analyzer.highlight(value, shared) if hit)
        result.append(Side(
            a, reverse("activities:activity", args=[a.plan.organisation.slug, a.plan.year, a.pk]), dates(a),
            list(dict.fromkeys(m.lower() for m in matched)),
            analyzer.highlight(a.title, shared) if shared else [(a.title, False)],
            analyzer.highlight(a.description, shared) if shared else [(a.description, False)],
        ))
    return result


def _words(side: Side) -> str:
    return ", ".join(side.matched) or "—"


def explain(finding: Finding, parties: dict[str, object], analyzer: Analyzer | None = None) -> str:
    """The finding's sentence, in the active language. Activities must be prefetched with plan.organisation.

    An overlap names the words that matched on each side and the score; `analyzer` (the current
    thesaurus) finds those words again in the two activities.
    """
    acts = finding_activities(finding)
    if not acts:
        return _("The activities of this finding have been deleted (%(rule)s).") % {"rule": finding.rule}
    first = acts[0]
    party = first.plan.organisation.short_name
    if finding.kind == FindingKind.OVERLAP and len(acts) == 2:
        second = acts[1]
        if analyzer is None:
            from .services.analysis import analyzer_for

            analyzer = analyzer_for()
        side_a, side_b = sides(finding, analyzer)
        return _(
            '%(party_a)s plans "%(title_a)s" (%(dates_a)s) and %(party_b)s plans "%(title_b)s" (%(dates_b)s) on '
            "overlapping dates, and they say the same: %(words_a)s ~ %(words_b)s (score %(score)s, threshold "
            "%(threshold)s). Under %(rule)s the parties must not overlap, so the two secretariats should agree who "
            "does it, or do it jointly."
        ) % {
            "party_a": party, "title_a": first.title, "dates_a": side_a.dates, "party_b": second.plan.organisation.short_name,
            "title_b": second.title, "dates_b": side_b.dates, "words_a": _words(side_a), "words_b": _words(side_b),
            "score": formats.number_format(finding.score or 0, 2), "threshold": formats.number_format(settings.PORTAL_OVERLAP_THRESHOLD, 2),
            "rule": finding.rule,
        }
    if finding.kind in (FindingKind.RESPONSIBILITY, FindingKind.SINGLE_TRACK) and finding.matrix_row_id:
        # DI-led rows are DI FOS's side: DI FOS is whom to talk to.
        lead, contact = finding.matrix_row.lead_label, parties.get(_lead_slug(finding) or "", _("the other party"))
        values = {"party": party, "title": first.title, "rule": finding.rule, "lead": lead, "contact": contact, "names": finding.detail}
        if finding.kind == FindingKind.RESPONSIBILITY and finding.suggested:
            return _(
                '%(party)s plans "%(title)s" without a matrix row; it looks like %(rule)s, which %(lead)s leads (the row '
                "suggested by its text). If it is, talk to %(contact)s's secretariat and agree the division of roles "
                "before going ahead; if not, give the activity the row it belongs to."
            ) % values
        if finding.kind == FindingKind.RESPONSIBILITY:
            return _(
                '%(party)s plans "%(title)s" under matrix row %(rule)s, which %(lead)s leads; talk to %(contact)s\'s '
                "secretariat and agree the division of roles before going ahead."
            ) % values
        return _(
            '%(party)s plans "%(title)s" with %(names)s. As a main rule %(lead)s holds contact with %(names)s '
            "(%(rule)s); agree it with %(contact)s, or tell why this is cluster or innovation work (give it that matrix "
            "row, and %(contact)s is informed)."
        ) % values
    if finding.kind == FindingKind.INFORM and finding.matrix_row_id:
        return _inform_sentence(finding, first, parties)
    if finding.kind == FindingKind.COMMON_INTEREST:
        other = parties.get(OTHER_PARTY.get(first.plan.organisation.slug, ""))
        return _(
            '%(party)s has marked "%(title)s" as of common interest (%(rule)s): %(other)s must be informed, '
            "so someone at %(other)s should read it and acknowledge it."
        ) % {"party": party, "title": first.title, "rule": finding.rule, "other": other or _("the other party")}
    titles = ", ".join(f'"{a.title}"' for a in acts)
    return _("%(kind)s under %(rule)s: %(titles)s.") % {"kind": finding.get_kind_display(), "rule": finding.rule, "titles": titles}


def _inform_sentence(finding: Finding, activity: Activity, parties: dict[str, object]) -> str:
    """An `inform` finding: what the agreement asks the told party to hear of, in the agreement's words."""
    row = finding.matrix_row
    owner = activity.plan.organisation.slug
    told = OTHER_PARTY.get(owner, "")
    values = {
        "party": activity.plan.organisation.short_name, "title": activity.title, "rule": finding.rule, "lead": row.lead_label,
        "told": parties.get(told, _("the other party")), "words": row.other_party, "names": finding.detail,
    }
    answer = (
        _("%(told)s should answer whether it joins.") if finding.duty == FindingDuty.INVOLVED
        else _("%(told)s should read it and acknowledge it.")
    ) % values
    if row.single_track and finding.detail:
        if row.lead_party_slug == owner:
            sentence = _(
                '%(party)s plans "%(title)s" with %(names)s: under %(rule)s %(lead)s holds the other party informed of '
                'contact and dialogue with the large global companies ("DI/DI FOS holder CenSec orienteret").'
            )
        else:
            sentence = _(
                '%(party)s plans "%(title)s" with %(names)s as its own cluster or innovation work: this is no breach of '
                "%(rule)s, but %(told)s is informed so that the two appear united towards such companies."
            )
        return f"{sentence % values} {answer}"
    if row.lead_party_slug is None:
        sentence = _(
            '%(party)s plans "%(title)s" under matrix row %(rule)s, which the parties carry out together ("%(words)s"), '
            "without %(told)s as partner."
        )
    elif row.lead_party_slug == owner:
        sentence = _(
            '%(party)s plans "%(title)s" under matrix row %(rule)s, which %(lead)s leads, and of the other party the '
            'agreement says: "%(words)s".'
        )
    else:
        sentence = _(
            '%(party)s plans "%(title)s" under matrix row %(rule)s, which %(lead)s leads and in which %(party)s takes '
            'part ("%(words)s"): no breach, but the two coordinate it.'
        )
    names = (" " + _("It names %(names)s.") % values) if finding.detail else ""
    return f"{sentence % values}{names} {answer}"

"""A finding in one sentence a director understands: the rule, the activities, the parties, whom to talk to."""

from __future__ import annotations

from django.utils.translation import gettext as _

from agreement.models import Party

from .models import Finding, FindingKind

OTHER_PARTY = {party.value: party.other.value for party in Party}


def _lead_slug(finding: Finding) -> str | None:
    return finding.matrix_row.lead_party_slug if finding.matrix_row_id else None


def organisations(finding: Finding) -> list[str]:
    """Slugs of the parties a finding concerns: the activities' owners, and the lead or the party to be informed."""
    slugs = {a.plan.organisation.slug for a in finding.activities.all()}
    if finding.kind in (FindingKind.RESPONSIBILITY, FindingKind.SINGLE_TRACK) and _lead_slug(finding):
        slugs.add(_lead_slug(finding))
    if finding.kind == FindingKind.COMMON_INTEREST:
        slugs |= {OTHER_PARTY[s] for s in list(slugs) if s in OTHER_PARTY}
    return sorted(slugs)


def explain(finding: Finding, parties: dict[str, object]) -> str:
    """The finding's sentence, in the active language. Activities must be prefetched with plan.organisation."""
    acts = sorted(finding.activities.all(), key=lambda a: (a.plan.organisation.slug, a.pk))
    if not acts:
        return _("The activities of this finding have been deleted (%(rule)s).") % {"rule": finding.rule}
    first = acts[0]
    party = first.plan.organisation.short_name
    if finding.kind == FindingKind.OVERLAP and len(acts) == 2:
        second = acts[1]
        return _(
            '%(party_a)s plans "%(title_a)s" and %(party_b)s plans "%(title_b)s" in the same task area on overlapping '
            "dates, both about %(shared)s; under %(rule)s the parties must not overlap, so the two secretariats "
            "should agree who does it, or do it jointly."
        ) % {
            "party_a": party, "title_a": first.title, "party_b": second.plan.organisation.short_name,
            "title_b": second.title, "shared": finding.detail, "rule": finding.rule,
        }
    if finding.kind in (FindingKind.RESPONSIBILITY, FindingKind.SINGLE_TRACK) and finding.matrix_row_id:
        # DI-led rows are DI FOS's side: DI FOS is whom to talk to.
        lead, contact = finding.matrix_row.lead_label, parties.get(_lead_slug(finding) or "", _("the other party"))
        if finding.kind == FindingKind.RESPONSIBILITY:
            return _(
                '%(party)s plans "%(title)s" under matrix row %(rule)s, which %(lead)s leads; talk to %(contact)s\'s '
                "secretariat and agree the division of roles before going ahead."
            ) % {"party": party, "title": first.title, "rule": finding.rule, "lead": lead, "contact": contact}
        return _(
            '%(party)s plans "%(title)s" with %(names)s, but under matrix row %(rule)s contact with such companies '
            "runs single-track through %(lead)s; talk to %(contact)s's director before any contact."
        ) % {"party": party, "title": first.title, "names": finding.detail, "rule": finding.rule, "lead": lead, "contact": contact}
    if finding.kind == FindingKind.COMMON_INTEREST:
        other = parties.get(OTHER_PARTY.get(first.plan.organisation.slug, ""))
        return _(
            '%(party)s has marked "%(title)s" as of common interest (%(rule)s): %(other)s must be informed, '
            "so someone at %(other)s should read it and acknowledge it."
        ) % {"party": party, "title": first.title, "rule": finding.rule, "other": other or _("the other party")}
    titles = ", ".join(f'"{a.title}"' for a in acts)
    return _("%(kind)s under %(rule)s: %(titles)s.") % {"kind": finding.get_kind_display(), "rule": finding.rule, "titles": titles}

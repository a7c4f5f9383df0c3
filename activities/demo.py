"""Demo plans: a year of activities for both parties, this year and next, with one finding of each kind."""

import datetime as dt

from django.utils import timezone

from agreement.models import MatrixRow, Organisation, TaskArea

from .models import Plan
from .services import plans
from .services.findings import check_all

# (title, area, matrix row, (month, day), days, topics, counterparts, target groups, common interest)
ACTIVITIES = {
    "censec": [
        ("Innovationsmatchmaking for SMV'er og videninstitutioner", "cluster", "2.1", (3, 10), 2, "matchmaking; innovation", "", "SMV; videninstitutioner", False),
        ("Møde med Lockheed Martin om leverandørprogram", "international", "", (4, 22), 1, "leverandørprogram", "Lockheed Martin", "SMV", False),
        ("Briefing af forsvarsministeren om forsvarsindustrien", "political", "1.1", (5, 6), 1, "forsvarsforlig", "Forsvarsministeriet", "", False),
        ("EDF-konsortiedag: find partnere til Den Europæiske Forsvarsfond", "political", "1.8", (2, 12), 1, "EDF; konsortier", "EU-Kommissionen", "SMV; videninstitutioner", False),
        ("Kompetenceforløb: klar til industrisamarbejde", "international", "3.8", (9, 15), 30, "industrisamarbejde; kompetenceudvikling", "", "SMV", False),
        ("Klyngens årsmøde", "cluster", "2.1", (11, 18), 1, "klyngesamarbejde", "", "medlemmer", True),
        ("Nyhedsbrev om klyngeprojekter", "other", "5.1", (1, 15), 1, "nyhedsbrev", "", "medlemmer", False),
    ],
    "difos": [
        ("Matchmaking-dag for forsvarsindustrien", "cluster", "", (3, 11), 1, "match-making", "", "SMV; store virksomheder", False),
        ("Erhvervsfremstød til Eurosatory i Paris", "international", "3.2", (6, 15), 5, "eksport; messe", "", "store virksomheder", False),
        ("Høringssvar om forsvarsforliget", "political", "1.2", (8, 25), 10, "forsvarsforlig; lovgivning", "Forsvarsministeriet", "", False),
        ("Industridag om F-35-partnerskabet", "international", "3.3", (10, 7), 1, "F-35; industrisamarbejde", "Erhvervsstyrelsen", "store virksomheder; SMV", True),
        ("Møde med BAE Systems om industrisamarbejde", "international", "3.1", (5, 20), 1, "industrisamarbejde", "BAE Systems", "", False),
        ("Medlemsmøde: eksportkontrol i praksis", "operational", "4.1", (9, 2), 1, "eksportkontrol", "", "medlemmer", False),
    ],
}


def seed(*, users: dict) -> dict:
    """Create (idempotently) both parties' plans for this year and next, then run the checks."""
    orgs = {o.slug: o for o in Organisation.objects.filter(kind=Organisation.Kind.PARTY)}
    areas = {a.slug: a for a in TaskArea.objects.all()}
    rows = {r.code: r for r in MatrixRow.objects.all()}
    this_year = timezone.localdate().year
    created = 0
    for year in (this_year, this_year + 1):
        for slug, specs in ACTIVITIES.items():
            plan, _new = Plan.objects.get_or_create(organisation=orgs[slug], year=year)
            existing = set(plan.activities.values_list("title", flat=True))
            for title, area, row, (month, day), days, topics, counterparts, groups, common in specs:
                if title in existing:
                    continue
                start = dt.date(year, month, day)
                plans.activity_create(
                    user=users[f"{slug}-secretariat"], plan=plan, title=title, task_area=areas[area],
                    matrix_row=rows.get(row), start=start, end=start + dt.timedelta(days=days - 1),
                    topics=topics, counterparts=counterparts, target_groups=groups, common_interest=common,
                )
                created += 1
    check_all()
    return {"activities": created}

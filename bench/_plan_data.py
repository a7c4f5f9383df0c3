"""Synthetic activity plans for the benches: two parties, any years, written in bulk.

Mostly one- to three-day activities, topics from a vocabulary of 400 words, and a few percent under the
other party's matrix row, naming a defence prime, or of common interest. Import after django.setup().
"""

import datetime as dt
import random

# One word each: numbers alone are not evidence for the overlap check, so "emne 7" would be just "emne".
TOPICS = [f"emne{i}" for i in range(400)]
GROUPS = ["SMV", "store virksomheder", "videninstitutioner", "medlemmer", "myndigheder", "studerende"]
OWN_ROWS = {"censec": ["1.4", "1.5", "1.8", "2.1", "3.5", "3.6", "3.8"], "difos": ["1.1", "1.2", "1.6", "1.7", "3.2", "3.3", "3.7"]}


def spec(rnd: random.Random, party: str, year: int) -> dict:
    """One synthetic activity of `party` in `year`."""
    start = dt.date(year, 1, 1) + dt.timedelta(days=rnd.randrange(365))
    days = rnd.choice([1, 1, 1, 2, 3]) if rnd.random() < 0.9 else rnd.randrange(5, 31)
    other = "difos" if party == "censec" else "censec"
    roll = rnd.random()
    row = rnd.choice(OWN_ROWS[other]) if roll < 0.02 else rnd.choice(OWN_ROWS[party]) if roll < 0.25 else None
    return {
        "area": rnd.randrange(1, 6),
        "start": start,
        "end": min(start + dt.timedelta(days=days - 1), dt.date(year, 12, 31)),
        "topics": "; ".join(rnd.sample(TOPICS, rnd.randrange(1, 3))),
        "counterparts": "Lockheed Martin" if rnd.random() < 0.005 else "",
        "target_groups": rnd.choice(GROUPS) if rnd.random() < 0.15 else "",
        "row": row,
        "common_interest": rnd.random() < 0.01,
    }


def plans_populate(*, years, per_party_year: int, seed: int = 0) -> int:
    """Both parties' plans for `years`, `per_party_year` activities each, written in bulk (not checked); returns how many."""
    from activities import checks
    from activities.models import Activity, Plan
    from agreement.models import MatrixRow, Organisation, TaskArea

    orgs = {o.slug: o for o in Organisation.objects.filter(kind="party")}
    areas = {a.number: a for a in TaskArea.objects.all()}
    rows = {r.code: r for r in MatrixRow.objects.all()}
    rnd = random.Random(seed)
    made = 0
    for year in years:
        for party in ("censec", "difos"):
            plan, _new = Plan.objects.get_or_create(organisation=orgs[party], year=year)
            batch = []
            for j in range(per_party_year):
                s = spec(rnd, party, plan.year)
                title = f"Aktivitet {party} {plan.year} {j}"
                batch.append(Activity(
                    plan=plan, title=title, task_area=areas[s["area"]], matrix_row=rows.get(s["row"]), start=s["start"], end=s["end"],
                    topics=s["topics"], counterparts=s["counterparts"], target_groups=s["target_groups"],
                    common_interest=s["common_interest"], needs_check=False,
                    match_keys=checks.match_keys(title=title, topics=s["topics"], counterparts=s["counterparts"], target_groups=s["target_groups"]),
                ))
            Activity.objects.bulk_create(batch, batch_size=1000)
            made += len(batch)
    return made

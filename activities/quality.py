"""How well the overlap check agrees with the secretariats: a labelled set of pairs, precision and recall.

A labelled set is a folder with both parties' plans in the import format (`censec.csv`,
`difos.csv`) and `labels.csv` (`pair,censec_title,difos_title,overlap,why`; `overlap` yes/no). The
plans are imported as a secretariat would, the full sweep runs, and every overlap finding between
the two plans counts: right if its pair is labelled yes, wrong otherwise (labelled no, or not
labelled at all).
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

DEV_SET = Path("shared") / "overlap-dev"


def find_dev_set(start: Path) -> Path | None:
    """The nearest `shared/overlap-dev` in `start` or a folder above it (the repository's parent in CI)."""
    for folder in (start, *start.parents):
        if (folder / DEV_SET / "labels.csv").is_file():
            return folder / DEV_SET
    return None


@dataclass
class Quality:
    found: set[tuple[str, str]] = field(default_factory=set)
    expected: set[tuple[str, str]] = field(default_factory=set)
    scores: dict[tuple[str, str], float] = field(default_factory=dict)

    @property
    def right(self) -> set[tuple[str, str]]:
        return self.found & self.expected

    @property
    def precision(self) -> float:
        return len(self.right) / len(self.found) if self.found else 1.0

    @property
    def recall(self) -> float:
        return len(self.right) / len(self.expected) if self.expected else 1.0

    @property
    def missed(self) -> set[tuple[str, str]]:
        return self.expected - self.found

    @property
    def wrong(self) -> set[tuple[str, str]]:
        return self.found - self.expected


def evaluate(folder: Path) -> Quality:
    """Import the folder's two plans, run the full sweep, and compare the overlap findings with the labels."""
    from agreement.models import Organisation

    from .models import Finding, FindingKind
    from .services.findings import check_all
    from .services.imports import plan_import
    from .services.plans import plan_get_or_create

    plans = {}
    for slug in ("censec", "difos"):
        path = folder / f"{slug}.csv"
        with path.open(encoding="utf-8") as f:
            year = min(dt.date.fromisoformat(row["start"]).year for row in csv.DictReader(f))
        plan = plan_get_or_create(organisation=Organisation.objects.get(slug=slug), year=year)
        plan_import(user=None, plan=plan, name=path.name, data=path.read_bytes(), replace=True)
        plans[slug] = plan
    check_all()
    quality = Quality()
    with (folder / "labels.csv").open(encoding="utf-8") as f:
        quality.expected = {(r["censec_title"], r["difos_title"]) for r in csv.DictReader(f) if r["overlap"].strip().lower() == "yes"}
    findings = Finding.objects.filter(kind=FindingKind.OVERLAP, activities__plan__in=plans.values()).distinct()
    for finding in findings.prefetch_related("activities__plan__organisation"):
        titles = {a.plan.organisation.slug: a.title for a in finding.activities.all()}
        if set(titles) == {"censec", "difos"}:
            pair = (titles["censec"], titles["difos"])
            quality.found.add(pair)
            quality.scores[pair] = finding.score
    return quality

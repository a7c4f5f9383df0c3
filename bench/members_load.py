"""Members pages under load: /members/activities/ and the feeds against /healthz, over ten years of plans.

1. A throwaway database (SQLite in a temporary directory, or --database-url) gets the agreement and
   both parties' plans for ten years (last nine and next; --per-year activities per party and year,
   20,000 by default), one in five visible (public or members), every plan submitted.
2. gunicorn serves it on a free loopback port (--workers sync workers, production settings, the file
   cache `make run` has without Redis).
3. wrk runs one after the other, each --duration seconds with --connections anonymous visitors:
   for each page (the activity list rotating over six filter combinations, the calendar (.ics)
   and the Atom feed with the same filters) /healthz, the trivial view, and then the page, in
   --rounds rounds. A page's share is its throughput over /healthz's in the same round; the
   median share is printed (a shared machine's noise moves both runs of a round alike).
4. Exits 1 on any error or if a page's median share is under --min-share. Loopback only.

    .venv/bin/python bench/members_load.py [--duration 20] [--connections 20] [--workers 3]
"""

import argparse
import datetime as dt
import json
import shutil
import subprocess
import tempfile
import urllib.request
from pathlib import Path

import _stack as stack

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--duration", type=int, default=8, help="seconds per wrk run (default 8)")
parser.add_argument("--rounds", type=int, default=3, help="rounds of /healthz then the page (default 3)")
parser.add_argument("--connections", type=int, default=20, help="concurrent visitors (default 20)")
parser.add_argument("--workers", type=int, default=3, help="gunicorn sync workers (default 3)")
parser.add_argument("--per-year", type=int, default=1000, help="activities per party and year (default 1000: 20,000 in all)")
parser.add_argument("--min-share", type=float, default=0.5, help="least throughput as a share of /healthz (default 0.5)")
parser.add_argument("--database-url", default="", help="a throwaway database to fill (default: SQLite in a temporary directory)")
ARGS = parser.parse_args()

stack.require_wrk()
work = Path(tempfile.mkdtemp(prefix="portal-members-load-"))
ENV = stack.setup(work, database_url=ARGS.database_url)

from django.db.models import F  # noqa: E402
from django.utils import timezone  # noqa: E402

from _plan_data import plans_populate  # noqa: E402

LUA = Path(__file__).with_name("load.lua")
YEARS = 10


def build() -> dict[str, list[str]]:
    """Step 1; returns the paths each wrk run rotates over."""
    from activities.models import Activity, Plan, PlanStatus, Visibility

    this_year = timezone.localdate().year
    years = range(this_year - YEARS + 2, this_year + 2)
    made = plans_populate(years=years, per_party_year=ARGS.per_year, seed=1)
    ids = list(Activity.objects.order_by("pk").values_list("pk", flat=True))
    public, members = ids[0::10], ids[5::10]
    Activity.objects.filter(pk__in=public).update(visibility=Visibility.PUBLIC, published_at=F("created_at"), place="Odense")
    Activity.objects.filter(pk__in=members).update(visibility=Visibility.MEMBERS, published_at=F("created_at"))
    Plan.objects.update(status=PlanStatus.SUBMITTED, submitted_at=timezone.now())
    month = timezone.localdate().replace(day=1) + dt.timedelta(days=40)
    filters = ["", "?organisation=censec", "?task_area=cluster", "?target_group=SMV", f"?month={month:%Y-%m}", "?q=aktivitet+emne"]
    print(f"data: {made:,} activities in {2 * YEARS} plans, {len(public) + len(members):,} visible "
          f"({len(public):,} public, {len(members):,} members only)")
    return {
        "/healthz": ["/healthz"],
        "activity list": [f"/members/activities/{f}" for f in filters],
        "calendar.ics": [f"/members/calendar.ics{f}" for f in filters],
        "feed.atom": [f"/members/feed.atom{f}" for f in filters],
    }


def check_paths(base: str, paths: list[str]) -> None:
    for path in paths:
        with urllib.request.urlopen(base + path, timeout=60) as response:
            if response.status != 200:
                raise SystemExit(f"{path} answered {response.status}")


def run(base: str, paths: list[str]) -> dict:
    out = subprocess.run(
        ["wrk", "-t2", f"-c{ARGS.connections}", f"-d{ARGS.duration}s", "--timeout", "10s", "-s", str(LUA), base, "--", *paths],
        stdout=subprocess.PIPE, text=True, check=True, timeout=ARGS.duration + 60,
    ).stdout
    return json.loads([line for line in out.splitlines() if line.startswith("{")][-1])


def main() -> None:
    stack.migrate()
    groups = build()
    try:
        with stack.gunicorn(ENV, workers=ARGS.workers) as base:
            for paths in groups.values():
                check_paths(base, paths)  # also fills the cache, as the first visitor after a change would
            print(f"gunicorn {ARGS.workers} sync workers on {base}; {ARGS.connections} connections, {ARGS.duration} s per page, one after the other")
            results = {}
            for name, paths in groups.items():
                if name != "/healthz":
                    results[name] = [(run(base, groups["/healthz"]), run(base, paths)) for _round in range(ARGS.rounds)]
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"{'page':<15} {'req/s':>8} {'/healthz':>9} {'share':>6} {'median':>9} {'p95':>9} {'errors':>7}   (median round of {ARGS.rounds})")
    failed = 0
    for name, rounds in results.items():
        rounds.sort(key=lambda pair: pair[1]["requests"] / max(1, pair[0]["requests"]))
        healthz, r = rounds[len(rounds) // 2]
        share = r["requests"] / max(1, healthz["requests"])
        errors = sum(p["socket_errors"] + p["status_errors"] for pair in rounds for p in pair)
        failed += errors + (share < ARGS.min_share)
        print(f"{name:<15} {r['requests'] / ARGS.duration:>8.1f} {healthz['requests'] / ARGS.duration:>9.1f} {share:>6.0%} "
              f"{r['p50_ms']:>6.1f} ms {r['p95_ms']:>6.1f} ms {errors:>7}")
    print("result: every page at least %d%% of /healthz, no errors" % (ARGS.min_share * 100) if not failed else "result: FAILED")
    raise SystemExit(1 if failed else 0)


if __name__ == "__main__":
    main()

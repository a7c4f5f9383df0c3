"""Load: simulated users on the dashboard, plan pages and material downloads, over ten years of data.

1. A throwaway database (SQLite in a temporary directory, or --database-url) gets the agreement,
   the demo users, boards and seats, both parties' plans for the last ten years (--per-year
   activities each, checked, so plan pages show their findings) and --meetings board meetings
   over those years, each with two agenda items carrying a small PDF.
2. gunicorn serves it on a free loopback port (--workers sync workers, production settings).
3. With a CenSec secretariat's session (made beforehand, not through the login form) four wrk
   runs go at once for --duration seconds: the dashboard; the plan pages (all twenty in turn);
   the material downloads (every material the user may see, in turn); and /healthz, the trivial
   view. Running them side by side, rather than in rounds, measures every page under the whole
   load; /healthz then shows what queueing alone costs. Two of the --connections go to /healthz,
   the rest are split evenly over the three pages.
4. Prints per page the requests, the median and 95th-percentile latency, and the errors (socket
   errors and responses of 400 and up); exits 1 on any error. Loopback only.

    .venv/bin/python bench/load.py [--duration 60] [--connections 50] [--workers 3]
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
parser.add_argument("--duration", type=int, default=60, help="seconds of load (default 60)")
parser.add_argument("--connections", type=int, default=50, help="concurrent simulated users (default 50, at least 5)")
parser.add_argument("--workers", type=int, default=3, help="gunicorn sync workers (default 3)")
parser.add_argument("--per-year", type=int, default=150, help="activities per party and year (default 150)")
parser.add_argument("--meetings", type=int, default=200, help="board meetings over the ten years (default 200)")
parser.add_argument("--database-url", default="", help="a throwaway database to fill (default: SQLite in a temporary directory)")
ARGS = parser.parse_args()

stack.require_wrk()
work = Path(tempfile.mkdtemp(prefix="portal-load-"))
ENV = stack.setup(work, database_url=ARGS.database_url)

from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from django.utils import timezone  # noqa: E402

from _plan_data import plans_populate  # noqa: E402
from activities.services.findings import check_all  # noqa: E402
from governance import demo as governance_demo  # noqa: E402
from governance import services as governance  # noqa: E402
from governance import publishing as governance_publishing  # noqa: E402
from governance.models import Board, Confidentiality, Material, MeetingKind  # noqa: E402
from agreement import demo  # noqa: E402

LUA = Path(__file__).with_name("load.lua")
YEARS = 10


def build(users: dict) -> dict[str, list[str]]:
    """The data of step 1; returns the paths each wrk run rotates over."""
    this_year = timezone.localdate().year
    years = range(this_year - YEARS + 1, this_year + 1)
    governance_demo.seed(users=users)
    activities = plans_populate(years=years, per_party_year=ARGS.per_year, seed=1)
    findings = len(check_all().created)
    first = timezone.now() - dt.timedelta(days=365 * YEARS)
    step = dt.timedelta(days=365 * YEARS / ARGS.meetings)
    boards = list(Board.objects.select_related("organisation").order_by("organisation__slug"))
    for n in range(ARGS.meetings):
        board = boards[n % len(boards)]
        starts = first + n * step
        meeting = governance.meeting_create(
            board=board, kind=MeetingKind.BOARD_MEETING, title=f"Bestyrelsesmøde {n + 1}", starts_at=starts,
            ends_at=starts + dt.timedelta(hours=3), place="Ikast",
        )
        for category in (Confidentiality.ORDINARY, Confidentiality.PERSONNEL):
            item = governance.agenda_item_create(meeting=meeting, title=f"Punkt {category}", confidentiality=category)
            pdf = SimpleUploadedFile(f"bilag-{n}-{category}.pdf", governance_demo.minimal_pdf(f"Bilag {n} {category}"), "application/pdf")
            governance.material_upload(
                user=users[f"{board.organisation.slug}-secretariat"], upload=pdf, meeting=meeting, title=f"Bilag {n + 1}", agenda_item=item,
            )
        governance_publishing.meeting_publish(user=users[f"{board.organisation.slug}-secretariat"], meeting=meeting, tell=False)
    materials = Material.objects.filter(meeting__board__organisation__slug="censec")
    print(f"data: {activities:,} activities in {2 * YEARS} plans ({findings:,} findings), {ARGS.meetings} meetings, "
          f"{Material.objects.count():,} materials ({materials.count()} visible to the CenSec secretariat)")
    return {
        "dashboard": ["/"],
        "plan page": [f"/activities/{party}/{year}/" for year in years for party in ("censec", "difos")],
        "material download": [f"/governance/materials/{pk}/download/" for pk in materials.values_list("pk", flat=True)],
        "/healthz": ["/healthz"],
    }


def check_paths(base: str, cookie: str, paths: list[str]) -> None:
    """Every path answers 200 to the session, without a redirect (to the login page, say)."""
    for path in paths:
        with urllib.request.urlopen(urllib.request.Request(base + path, headers={"Cookie": cookie}), timeout=30) as response:
            if response.status != 200 or response.url != base + path:
                raise SystemExit(f"{path} answered {response.status} at {response.url}: not a page the session may see")


def drive(base: str, cookie: str, groups: dict[str, list[str]]) -> dict[str, dict]:
    """Step 3: one wrk per group, all at once; returns what each run's Lua `done` reported."""
    pages = len(groups) - 1
    connections = {name: max(1, (ARGS.connections - 2) // pages) for name in groups} | {"/healthz": 2}
    runs = {
        name: subprocess.Popen(
            ["wrk", f"-t{min(2, connections[name])}", f"-c{connections[name]}", f"-d{ARGS.duration}s", "--timeout", "10s",
             "-H", f"Cookie: {cookie}", "-s", str(LUA), base, "--", *paths],
            stdout=subprocess.PIPE, text=True,
        )
        for name, paths in groups.items()
    }
    results = {}
    for name, run in runs.items():
        out, _err = run.communicate(timeout=ARGS.duration + 60)
        results[name] = json.loads([line for line in out.splitlines() if line.startswith("{")][-1])
        results[name]["connections"] = connections[name]
    return results


def main() -> None:
    stack.migrate()
    users = demo.seed()
    groups = build(users)
    cookie = stack.session_cookie(users["censec-secretariat"])
    try:
        with stack.gunicorn(ENV, workers=ARGS.workers) as base:
            for paths in groups.values():
                check_paths(base, cookie, paths)
            print(f"gunicorn {ARGS.workers} sync workers on {base}; {ARGS.connections} connections for {ARGS.duration} s, "
                  f"one wrk per page, side by side")
            results = drive(base, cookie, groups)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"{'page':<18} {'conns':>5} {'requests':>9} {'req/s':>7} {'median':>9} {'p95':>9} {'max':>9} {'errors':>7}")
    errors = 0
    for name, r in results.items():
        failed = r["socket_errors"] + r["status_errors"]
        errors += failed
        print(f"{name:<18} {r['connections']:>5} {r['requests']:>9,} {r['requests'] / ARGS.duration:>7.1f} "
              f"{r['p50_ms']:>6.1f} ms {r['p95_ms']:>6.1f} ms {r['max_ms']:>6.1f} ms {failed:>7}")
    print("errors: none" if not errors else f"errors: {errors} (socket errors or responses of 400 and up)")
    raise SystemExit(1 if errors else 0)


if __name__ == "__main__":
    main()

"""Dashboard throughput against a trivial view, at one year and at ten years of director contacts.

Starts gunicorn on a loopback port over a fresh SQLite database (production settings, DEBUG off,
a file cache as `make run` has without Redis), logs in a director through a session cookie and
drives `/` and `/healthz` with wrk: five alternating rounds each, median requests/s, and the
ratio (target: the dashboard at least a quarter of the trivial view). `/notifications/`, an
ordinary logged-in page, is measured in the same rounds for scale. Loopback only; each wrk
round lasts BENCH_SECONDS (default 5). Skips with a message when wrk is not installed.

    .venv/bin/python bench/dashboard_load.py
"""

import datetime as dt
import os
import re
import shutil
import statistics
import subprocess
import tempfile
import urllib.request
from pathlib import Path

import _stack as stack

SECONDS = int(os.environ.get("BENCH_SECONDS", "5"))
ROUNDS = 5
WORKERS = 2
TARGET = 0.25

stack.require_wrk()
work = Path(tempfile.mkdtemp(prefix="portal-bench-"))
ENV = stack.setup(work)

from django.utils import timezone  # noqa: E402

from agreement import demo  # noqa: E402
from coordination.monthly import month_record  # noqa: E402
from coordination.services import ActionItemData, contact_create  # noqa: E402
from portal.dates import add_months, local_midnight, month_start  # noqa: E402


def add_months_of_contacts(users, months_back) -> int:
    """Four contacts a month (one without DI FOS's director), three action items each, and each month recorded."""
    directors = [users["censec-director"], users["difos-director"]]
    this_month = month_start(timezone.localdate())
    made = 0
    for back in months_back:
        month = add_months(this_month, -back)
        for week in range(4):
            when = local_midnight(month + dt.timedelta(days=7 * week + 1)) + dt.timedelta(hours=10)
            participants = directors if week else [directors[0], users["difos-secretariat"]]
            contact_create(
                user=users["censec-secretariat"],
                occurred_at=when,
                form="meeting",
                participants=participants,
                decisions=f"Beslutning {month:%Y-%m} uge {week}",
                action_items=[
                    ActionItemData(text=f"Opfølgning {n}", owner=participants[n % 2], due_on=when.date() + dt.timedelta(days=10 + n), done=back > 1)
                    for n in range(3)
                ],
            )
            made += 1
        month_record(month=month)
    return made


def wrk(url: str, cookie: str) -> float:
    out = subprocess.run(
        ["wrk", "-t2", "-c8", f"-d{SECONDS}s", "--timeout", "5s", "-H", f"Cookie: {cookie}", url],
        capture_output=True, text=True, timeout=SECONDS + 30, check=True,
    ).stdout
    if "Non-2xx" in out:
        raise SystemExit(f"wrk saw error responses from {url}:\n{out}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))


def measure(base: str, cookie: str) -> tuple[float, float, float]:
    """Medians for the dashboard, the trivial view, and (for scale) an ordinary logged-in page."""
    dashboard, trivial, ordinary = [], [], []
    for _ in range(ROUNDS):
        dashboard.append(wrk(f"{base}/", cookie))
        trivial.append(wrk(f"{base}/healthz", cookie))
        ordinary.append(wrk(f"{base}/notifications/", cookie))
    return statistics.median(dashboard), statistics.median(trivial), statistics.median(ordinary)


def main() -> None:
    stack.migrate()
    users = demo.seed()
    cookie = stack.session_cookie(users["censec-director"])
    try:
        with stack.gunicorn(ENV, workers=WORKERS) as base:
            print(f"gunicorn {WORKERS} sync workers on {base}; wrk -t2 -c8 -d{SECONDS}s; median of {ROUNDS} alternating rounds")
            for label, months in (("one year", range(0, 12)), ("ten years", range(12, 120))):
                made = add_months_of_contacts(users, months)
                request = urllib.request.Request(f"{base}/", headers={"Cookie": cookie})
                page = urllib.request.urlopen(request, timeout=10).read().decode()
                assert 'data-testid="contact-month"' in page, "the dashboard did not render for the logged-in director"
                dashboard, trivial, ordinary = measure(base, cookie)
                ratio = dashboard / trivial
                verdict = "ok" if ratio >= TARGET else f"BELOW the target of {TARGET:.2f}"
                print(
                    f"{label:>9} (+{made} contacts): dashboard {dashboard:7.1f} req/s   /healthz {trivial:7.1f} req/s   "
                    f"ratio {ratio:.2f} ({verdict})   [/notifications/ {ordinary:7.1f} req/s]"
                )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

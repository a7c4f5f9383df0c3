"""Benchmark of the plan checks (issue #3): prints the figures; run with `make bench`.

Uses a throw-away SQLite database in a temporary directory (or BENCH_DATABASE_URL), never the
project's own. Synthetic plans: two parties, 1,000 activities per party and year, five task
areas, mostly one- to three-day activities, topics from a vocabulary of 400, and a few percent of
activities under another party's matrix row, naming a defence prime, or of common interest.

0. Precision and recall of the overlap check on the labelled dev set (../shared/overlap-dev/).
1. Detection alone (overlap with its term counts, then every rule, over prepared activities) at 10,000 and 160,000 activities.
2. The full sweep at 40,000 activities, storing findings and notifying, then again unchanged,
   then after moving 500 activities (which updates and closes findings).
3. The single-activity check at 40,000 activities, over 200 activities.
"""

import os
import random
import statistics
import time
from pathlib import Path

from _inprocess import django_setup  # noqa: E402

django_setup(email_url="consolemail://")


from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from _plan_data import plans_populate, spec  # noqa: E402

PER_PARTY_YEAR = 1000
def items(n: int):
    """Prepared check items for n activities (no database), in the order the database hands them over
    (`items_from`: task area, then start)."""
    from activities import checks

    rnd = random.Random(n)
    specs = [
        (party, 2000 + i, spec(rnd, party, 2000 + i))
        for i in range(n // (2 * PER_PARTY_YEAR))
        for party in ("censec", "difos")
        for _ in range(PER_PARTY_YEAR)
    ]
    specs.sort(key=lambda p: (p[2]["area"], p[2]["start"]))
    result = []
    for pk, (party, year, s) in enumerate(specs, start=1):
        keys = checks.match_keys(title=f"Aktivitet {pk}", topics=s["topics"], counterparts=s["counterparts"], target_groups=s["target_groups"])
        result.append(checks.make_item(id=pk, party=party, year=year, area=s["area"], start=s["start"], end=s["end"],
                                       match_keys=keys, row=s["row"], common_interest=s["common_interest"]))
    return result


def timed(fn, repeat=3):
    best = None
    for _ in range(repeat):
        started = time.perf_counter()
        value = fn()
        elapsed = time.perf_counter() - started
        best = elapsed if best is None or elapsed < best else best
    return best, value


def detection():
    """Overlap detection alone (the sort-and-sweep), then every rule; best of five runs each."""
    from activities import checks
    from activities.services.findings import rules_load

    rules = rules_load()
    figures = {}
    for n in (10_000, 160_000):
        prepared = items(n)
        overlap_seconds, pairs = timed(lambda: checks.overlap(prepared), repeat=5)
        all_seconds, hits = timed(lambda: checks.run_all(prepared, rules), repeat=5)
        figures[n] = (overlap_seconds, all_seconds)
        print(f"detection, {n:>7,} activities: overlap {overlap_seconds * 1000:7.1f} ms ({len(pairs):,} pairs), "
              f"all five rules {all_seconds * 1000:7.1f} ms ({len(hits):,} hits)")
    for i, label in enumerate(("overlap", "all five rules")):
        ratio = figures[160_000][i] / figures[10_000][i]
        print(f"detection, {label}, 160,000 vs 10,000: {ratio:.1f}x (limit 25x); under 2 s at 160,000: {figures[160_000][i] < 2}")


def dev_set_quality():
    """Precision and recall on the labelled pairs, imported and swept like any plan."""
    from activities import quality

    folder = quality.find_dev_set(Path(__file__).resolve().parent.parent)
    if folder is None:
        print("dev set: no shared/overlap-dev/ beside the repository")
        return
    result = quality.evaluate(folder)
    print(f"dev set ({folder}): precision {result.precision:.2f}, recall {result.recall:.2f} "
          f"({len(result.right)} of {len(result.expected)} overlaps found, {len(result.wrong)} wrong)")


def sweep_and_single():
    from django.db import transaction

    from activities.models import Activity, Finding
    from activities.services.findings import check_activity, check_all, notify_pending_findings
    from agreement import demo
    from portal.models import Notification

    demo.seed()
    n = 40_000
    plans_populate(years=range(2000, 2000 + n // (2 * PER_PARTY_YEAR)), per_party_year=PER_PARTY_YEAR, seed=n)
    if connection.vendor == "postgresql":
        # What autovacuum does soon after a bulk load; without it the planner guesses at empty tables.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

    def sweep():
        with transaction.atomic():
            return check_all()

    seconds, result = timed(sweep, repeat=1)
    print(f"full sweep, {n:,} activities, first run:  {seconds * 1000:8.1f} ms  ({len(result.created):,} findings stored)")
    started = time.perf_counter()
    while notify_pending_findings(limit=500):
        pass
    print(f"  then telling both parties (the notification task, in the worker): {time.perf_counter() - started:.1f} s "
          f"for {Notification.objects.count():,} notifications")
    seconds, result = timed(sweep, repeat=1)
    print(f"full sweep, {n:,} activities, unchanged:  {seconds * 1000:8.1f} ms  ({len(result.created)} new, {len(result.resolved)} closed)")
    # Reword one side of 500 overlaps so that they no longer share a subject: their findings must close.
    moved = list(
        Activity.objects.filter(findings__kind="overlap", plan__organisation__slug="censec").distinct().values_list("pk", flat=True)[:500]
    )
    Activity.objects.filter(pk__in=moved).update(match_keys="n:aktivitet")
    seconds, result = timed(sweep, repeat=1)
    print(f"full sweep, {n:,} activities, 500 reworded: {seconds * 1000:8.1f} ms  ({len(result.created)} new, {len(result.resolved)} closed)")
    print(f"full sweep under 5 s: {seconds < 5}")

    rnd = random.Random(1)
    sample = rnd.sample(list(Activity.objects.values_list("pk", flat=True)), 200)
    times = []
    for pk in sample:
        started = time.perf_counter()
        with transaction.atomic():
            check_activity(pk)
        times.append(time.perf_counter() - started)
    times.sort()
    print(f"single-activity check, {n:,} activities: median {statistics.median(times) * 1000:.2f} ms, "
          f"p95 {times[int(len(times) * 0.95)] * 1000:.2f} ms, max {times[-1] * 1000:.2f} ms (limit 10 ms)")
    print(f"({Finding.objects.count():,} findings stored; database {connection.vendor})")


if __name__ == "__main__":
    call_command("migrate", verbosity=0)
    call_command("load_agreement", verbosity=0, stdout=open(os.devnull, "w"))
    dev_set_quality()
    detection()
    sweep_and_single()

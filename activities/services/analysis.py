"""The overlap check's reading of the plans, kept in the database: the thesaurus, each year's term counts, re-reading.

The analysis itself is `activities.text` (pure); this module gives it the administrators' thesaurus
and the vocabulary of the activities compared, and keeps the per-year counts (`TermStatistics`) that
both the full sweep and the single-activity check weigh evidence with, so both reach the same score.
"""

from __future__ import annotations

import time
from collections import Counter, defaultdict

from django.db.models import Count, Max
from django.utils import timezone

from agreement.selectors import matrix_suggestion, suggest_rows_forget
from portal.queue import enqueue_on_commit

from .. import checks, text
from ..models import Activity, ActivityStatus, TermStatistics, ThesaurusEntry

# Prepared objects, rebuilt when the rows they come from change (the database says when).
_thesauri: dict[tuple, text.Thesaurus] = {}
_analyzers: dict[tuple, text.Analyzer] = {}
_corpora: dict[tuple[int, object], checks.Corpus] = {}
# The latest counts per year this process has seen: year → (monotonic time, corpus). The single check
# may weigh with counts up to `CORPUS_TTL` old instead of asking the database every time.
CORPUS_TTL = 60.0
_latest: dict[int, tuple[float, checks.Corpus]] = {}


def forget() -> None:
    """Drop what this process keeps prepared (tests call it between databases)."""
    for cache in (_thesauri, _analyzers, _corpora, _latest):
        cache.clear()
    suggest_rows_forget()


def thesaurus_changed() -> None:
    """An administrator changed the thesaurus: the worker re-reads every activity and sweeps (after the commit)."""
    from ..tasks import reanalyse_task

    enqueue_on_commit(reanalyse_task)


def _thesaurus_version() -> tuple:
    stats = ThesaurusEntry.objects.aggregate(n=Count("pk"), last=Max("updated_at"))
    return stats["n"], stats["last"]


def thesaurus_current() -> text.Thesaurus:
    """The thesaurus as administrators left it (one small query to see whether it changed)."""
    version = _thesaurus_version()
    thesaurus = _thesauri.get(version)
    if thesaurus is None:
        thesaurus = text.Thesaurus.build(ThesaurusEntry.objects.values_list("terms", "weak"))
        _thesauri.clear()
        _thesauri[version] = thesaurus
    return thesaurus


def _stems(frequencies) -> list[str]:
    """The plain word stems among a year's features (not concepts, not matrix rows)."""
    return [f for f in frequencies if f[0] not in (text.CONCEPT, text.WEAK)]


def analyzer_for(*, year: int | None = None) -> text.Analyzer:
    """The analyzer for an activity of `year`: the thesaurus, and that year's words as compound parts."""
    version = _thesaurus_version()
    stats = TermStatistics.objects.filter(year=year).values_list("computed_at", flat=True).first() if year else None
    key = (version, year, stats)
    analyzer = _analyzers.get(key)
    if analyzer is None:
        vocabulary = _stems(TermStatistics.objects.get(year=year).frequencies) if stats else ()
        analyzer = text.Analyzer(thesaurus_current(), vocabulary)
        if len(_analyzers) > 16:
            _analyzers.clear()
        _analyzers[key] = analyzer
    return analyzer


def analyzer_for_batch(activities: list[Activity], *, year: int) -> text.Analyzer:
    """The analyzer for activities saved together (an import): the year's words and the batch's own."""
    base = analyzer_for(year=year)
    words = {
        token.stems[0]
        for a in activities
        for value in (a.title, a.description, a.topics, a.counterparts, a.target_groups)
        for token in base.tokens(value or "")
    }
    return text.Analyzer(base.thesaurus, base.vocabulary | words)


def suggested_row(activity: Activity) -> str:
    """For an activity without a matrix row: the row its title and description confidently suggest
    (as the activity form suggests it), else ""."""
    if activity.matrix_row_id is not None:
        return ""
    row = matrix_suggestion(f"{activity.title} {activity.description}"[:500])
    return row.code if row else ""


def activity_match_keys(activity: Activity, analyzer: text.Analyzer | None = None) -> str:
    return checks.match_keys(
        title=activity.title, description=activity.description, topics=activity.topics,
        counterparts=activity.counterparts, target_groups=activity.target_groups,
        analyzer=analyzer or analyzer_for(year=activity.start.year if activity.start else None),
        suggested_row=suggested_row(activity),
    )


# --- Term counts per year -------------------------------------------------------------------------


def corpora_store(corpora: dict[int, checks.Corpus]) -> None:
    """Keep freshly counted corpora, one row per year."""
    now = timezone.now()
    for year, corpus in corpora.items():
        TermStatistics.objects.update_or_create(
            year=year, defaults={"activities": corpus.activities, "frequencies": corpus.frequencies, "computed_at": now}
        )
        # Kept for later checks, whose activities may hold features counted after this: not `complete`.
        kept = checks.Corpus(corpus.activities, corpus.frequencies)
        _corpora[(year, now)] = kept
        _latest[year] = (time.monotonic(), kept)


def corpora_count(years) -> dict[int, checks.Corpus]:
    """Count the features of the given years' activities (not cancelled) and keep the counts."""
    counts: dict[int, Counter] = defaultdict(Counter)
    sizes: Counter = Counter()
    rows = (
        Activity.objects.filter(plan__year__in=list(years)).exclude(status=ActivityStatus.CANCELLED)
        .values_list("plan__year", "match_keys", "matrix_row__code")
    )
    for year, keys, row in rows:
        sizes[year] += 1
        counts[year].update(checks.terms_of(keys, row)[0].keys())
    corpora = {year: checks.Corpus(sizes[year], dict(counts[year])) for year in years}
    corpora_store(corpora)
    return corpora


def corpora_load(years, *, fresh: bool = True) -> dict[int, checks.Corpus]:
    """The stored corpora of `years` (counted now for a year that has none); parsed once per version.

    With `fresh=False`, counts this process saw less than `CORPUS_TTL` ago are used without a query.
    """
    years = set(years)
    if not fresh:
        now = time.monotonic()
        recent = {y: _latest[y][1] for y in years if y in _latest and now - _latest[y][0] < CORPUS_TTL}
        if len(recent) == len(years):
            return recent
    stamps = dict(TermStatistics.objects.filter(year__in=years).values_list("year", "computed_at"))
    result, missing = {}, []
    for year in years:
        corpus = _corpora.get((year, stamps.get(year)))
        if corpus is not None:
            result[year] = corpus
        elif year in stamps:
            missing.append(year)
    for year, n, frequencies, stamp in TermStatistics.objects.filter(year__in=missing).values_list(
        "year", "activities", "frequencies", "computed_at"
    ):
        result[year] = _corpora[(year, stamp)] = checks.Corpus(n, frequencies)
    for year, corpus in result.items():
        _latest[year] = (time.monotonic(), corpus)
    uncounted = years - set(stamps)
    if uncounted:
        result.update(corpora_count(uncounted))
    if len(_corpora) > 64:
        for key in list(_corpora)[:-32]:
            _corpora.pop(key, None)
    return result


# --- Re-reading every activity --------------------------------------------------------------------


def activities_reanalyse(*, years=None) -> int:
    """Read every activity (of `years`) again with the current thesaurus and its year's words; returns how many changed.

    1. Per year, collect the stems of all the year's words: the vocabulary compound parts may be.
    2. Compute each activity's match keys with that vocabulary; write back only those that changed.
       The caller runs the full sweep next (`check_all`), which checks them all.
    """
    queryset = Activity.objects.all()
    if years is not None:
        queryset = queryset.filter(plan__year__in=list(years))
    thesaurus = thesaurus_current()
    by_year: dict[int, list[Activity]] = defaultdict(list)
    for activity in queryset.select_related("plan").only(
        "plan__year", "title", "description", "topics", "counterparts", "target_groups", "match_keys", "matrix_row"
    ).iterator(chunk_size=2000):
        by_year[activity.plan.year].append(activity)
    changed = []
    plain = text.Analyzer(thesaurus)
    for year, activities in by_year.items():
        vocabulary = {
            token.stems[0]
            for a in activities
            for value in (a.title, a.description, a.topics, a.counterparts, a.target_groups)
            for token in plain.tokens(value)
        }
        analyzer = text.Analyzer(thesaurus, vocabulary)
        for activity in activities:
            keys = activity_match_keys(activity, analyzer)
            if keys != activity.match_keys:
                activity.match_keys = keys
                changed.append(activity)
    Activity.objects.bulk_update(changed, ["match_keys"], batch_size=1000)
    return len(changed)

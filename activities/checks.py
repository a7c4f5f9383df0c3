"""The plan checks: plain functions over prepared activities, no database and no views.

Each rule returns `Hit`s; `activities.services.findings` turns them into stored findings.

- `overlap`: two parties' activities whose dates overlap and which say the same thing, however each
  secretariat words it: the features of `activities.text` (stems, compound parts, thesaurus
  concepts, counterparts' names), each weighed by its field and by how rare it is among the
  activities compared (IDF), summed into a score that must reach a threshold (§1, §4).
- `responsibility`: a party plans an activity under a matrix row the other party leads alone
  (Appendix 1; DI-led rows count as DI FOS's side), except rows in which it also takes part (3.3,
  3.7). An activity without a row is checked against the row its text confidently suggests (the
  suggestion the activity form makes), and the finding says it is suggested.
- `single_track`: the party that does not lead a single-track row names one of its counterparts
  (Appendix 1, 3.1: contact with e.g. Lockheed Martin runs *as a main rule* through DI / DI FOS),
  unless the activity is its own cluster or innovation work (then DI FOS is informed: `inform`).
- `common_interest`: an activity marked of common interest, which the other party must hear of (§4).
- `inform`: what the other party must be told of (Appendix 1, "orienterer og inddrager"): the lead
  party's activity under a row whose other party is informed or involved; the other party's activity
  under a row in which it also takes part (coordinate); and under 3.1 a DI FOS activity naming a large
  global company (CenSec is kept informed) or a CenSec cluster or innovation activity naming one (DI
  FOS is informed). One `inform` per activity: the one asking most of the told party.

A joint activity whose partner is the other party is agreed between them, so it is not an overlap
or a breach of that party's lead. Nor is a pair where one side sits under a row that gives each
party its own activity with nothing asked of the other (5.1: each party's own communication).
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter, defaultdict
from itertools import chain
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from heapq import heappop, heappush
from operator import attrgetter

from agreement.selectors import normalise

from . import text

OVERLAP_RULE = "§4"
COMMON_INTEREST_RULE = "§4"
# What an `inform` asks of the told party (the values of FindingDuty).
INFORMED = "informed"
INVOLVED = "involved"
SUGGESTED = "r:"  # the match_keys line (after NAME) holding the matrix row an untagged activity's text suggests
KEY_SEPARATOR = "\n"
NAME = "@"  # match_keys lines holding a title or counterpart as plain words, for the single-track rule

# --- How evidence is weighed --------------------------------------------------------------------
# The default threshold of the overlap score (settings.PORTAL_OVERLAP_THRESHOLD overrides it). One
# rare word in both titles (about 0.85–0.95) passes; a rare word in one title and the other's
# description passes only with the same task area; common words never do.
DEFAULT_THRESHOLD = 0.8
SAME_AREA_BONUS = 0.15
# A shared feature must be at least this rare (normalised IDF) to make a pair a candidate at all.
STRONG_IDF = 0.5
# Weak concepts (formats, audiences, the domain at large) and a shared matrix row count at most this.
WEAK_CAP = 0.3
ROW_WEIGHT = 0.5
# The activities compared are smoothed with this many unseen ones, in which each weak concept is
# this common: a plan of ten activities cannot make "SMV" rare.
PRIOR_ACTIVITIES = 50
WEAK_PRIOR_SHARE = 0.4


def split_terms(value: str) -> list[str]:
    """The ';'-separated terms of a field, stripped, without empties or repeats, in their order."""
    seen, terms = set(), []
    for term in (t.strip() for t in (value or "").split(";")):
        if term and term.casefold() not in seen:
            seen.add(term.casefold())
            terms.append(term)
    return terms


def _norm(term: str) -> str:
    return " ".join(normalise(term))


@lru_cache(maxsize=1)
def default_analyzer() -> text.Analyzer:
    """The analyzer of the shipped thesaurus, for callers without a database (benches, pure tests)."""
    return text.Analyzer(text.Thesaurus.build(text.read_seed_thesaurus()))


def match_keys(
    *, title: str, description: str = "", topics: str = "", counterparts: str = "", target_groups: str = "",
    analyzer: text.Analyzer | None = None, suggested_row: str = "",
) -> str:
    """What the checks compare, one per line: the features of `activities.text`, the title and
    counterparts as plain words for the single-track rule, and for an activity without a matrix row
    the row its text suggests (`suggested_row`, found by the caller)."""
    analyzer = analyzer or default_analyzer()
    features = analyzer.match_keys(
        title=title, description=description, topics=topics, counterparts=counterparts, target_groups=target_groups
    )
    names = [f"{NAME}c:{_norm(t)}" for t in split_terms(counterparts) if _norm(t)]
    if _norm(title):
        names.append(f"{NAME}n:{_norm(title)}")
    if suggested_row:
        names.append(f"{NAME}{SUGGESTED}{suggested_row}")
    return KEY_SEPARATOR.join(filter(None, [features, *dict.fromkeys(names)]))


def is_weak(feature: str) -> bool:
    return feature[0] == text.WEAK


@dataclass(frozen=True, slots=True)
class Item:
    """An activity as the checks see it; dates are day numbers (`date.toordinal()`), which compare fastest.

    `terms` maps each feature to the weight of the field it came from (the highest if several).
    `own` is true under a matrix row that gives each party its own activity (5.1).
    `suggested_row` is the row an activity without one looks like (stored in its match keys).
    """

    id: int
    party: str
    year: int
    area: int
    start: int
    end: int
    terms: dict[str, float]
    names: str
    row: str | None = None
    common_interest: bool = False
    partner: str | None = None
    own: bool = False
    suggested_row: str | None = None


def make_item(
    *, id: int, party: str, year: int, area: int, start: dt.date, end: dt.date, match_keys: str, row: str | None = None,
    common_interest: bool = False, partner: str | None = None, own: bool = False,
) -> Item:
    """An `Item` from an activity's stored columns."""
    terms, names = terms_of(match_keys, row)
    suggested = None if row else suggested_of(match_keys)
    return Item(id, party, year, area, start.toordinal(), end.toordinal(), terms, names, row, common_interest, partner, own, suggested)


def suggested_of(match_keys: str) -> str | None:
    """The matrix row stored in the match keys as suggested by the activity's text, if any."""
    marker = f"{NAME}{SUGGESTED}"
    at = (match_keys or "").rfind(marker)
    if at < 0 or (at and match_keys[at - 1] != KEY_SEPARATOR):
        return None
    return match_keys[at + len(marker):].split(KEY_SEPARATOR, 1)[0] or None


def terms_of(match_keys: str, row: str | None = None) -> tuple[dict[str, float], str]:
    """The features of stored match keys with their field weights (the matrix row a weak one), and the names line."""
    terms: dict[str, float] = {}
    names = []
    weights = text.FIELD_WEIGHTS
    for line in (match_keys or "").split(KEY_SEPARATOR):
        if not line:
            continue
        if line[0] == NAME:
            if not line.startswith(SUGGESTED, 1):
                names.append(line[3:])
            continue
        feature, weight = line[2:], weights.get(line[0], 0.5)
        if weight > terms.get(feature, 0.0):
            terms[feature] = weight
    if row:
        terms[f"{text.WEAK}row {row}"] = ROW_WEIGHT
    # Counterparts and title, padded so a phrase matches whole words only and never across fields.
    return terms, f" {' | '.join(names)} "


@dataclass(frozen=True)
class RowRule:
    """What a matrix row means to the checks: who leads it alone, whether it is single-track, what the
    other party must get (`duty`: INFORMED, INVOLVED or None), whether the other party also takes part
    in it (3.3, 3.7), and whether it is the lead's cluster or innovation work (3.1)."""

    code: str
    lead: str | None
    single_track: bool = False
    counterparts: tuple[str, ...] = ()
    duty: str | None = None
    takes_part: bool = False
    cluster_work: bool = False
    joint: bool = False  # carried out together (1.9)
    # (name, its words padded, its words joined): "Lockheed-Martin" normalises to one word, so a
    # name is looked for both ways. Prepared once, not per activity.
    phrases: tuple[tuple[str, str, str], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        phrases = tuple((name, f" {_norm(name)} ", f" {_norm(name).replace(' ', '')} ") for name in self.counterparts if _norm(name))
        object.__setattr__(self, "phrases", phrases)

    def named_in(self, item: Item) -> list[str]:
        """The row's counterparts that the activity names (in its counterparts or its title)."""
        return [name for name, words, joined in self.phrases if words in item.names or joined in item.names]


@dataclass
class Corpus:
    """Document frequencies of features over the activities compared (one year's plans of both parties).

    `idf` is BM25's inverse document frequency, smoothed with `PRIOR_ACTIVITIES` unseen activities
    (weak concepts are common among them) and divided by that of a feature seen once, so it runs
    from about 0 (in every activity) to 1 (in one), whatever the number of activities.
    """

    activities: int = 0
    frequencies: dict[str, int] = field(default_factory=dict)
    _idf: dict[str, float] = field(default_factory=dict, repr=False)
    _strong: frozenset[str] | None = field(default=None, repr=False)

    # True when counted from the very activities compared (every feature they hold is in `frequencies`).
    complete: bool = False

    @classmethod
    def of(cls, items: Iterable[Item]) -> Corpus:
        items = list(items)
        return cls(len(items), dict(Counter(chain.from_iterable(item.terms for item in items))), complete=True)

    def idf(self, feature: str) -> float:
        value = self._idf.get(feature)
        if value is None:
            n = self.activities + PRIOR_ACTIVITIES
            # A feature two activities share occurs at least twice, even if the counts are older than one of them.
            df = max(self.frequencies.get(feature, 0), 2) + (WEAK_PRIOR_SHARE * PRIOR_ACTIVITIES if is_weak(feature) else 0)
            value = math.log(1 + (n - df + 0.5) / (df + 0.5)) / math.log(1 + (n - 0.5) / 1.5)
            value = max(0.0, min(value, WEAK_CAP) if is_weak(feature) else value)
            self._idf[feature] = value
        return value

    def strong(self, item: Item) -> set[str]:
        """The item's features rare enough to make a pair a candidate (weak ones never are: `WEAK_CAP` < `STRONG_IDF`)."""
        rare = self._strong
        if rare is None:
            rare = self._strong = frozenset(f for f in self.frequencies if self.idf(f) >= STRONG_IDF)
        if self.complete:
            return rare.intersection(item.terms)
        known = self.frequencies
        return {f for f in item.terms if f in rare or (f not in known and self.idf(f) >= STRONG_IDF)}


@dataclass(frozen=True, slots=True)
class Hit:
    """One thing a rule found: its kind, the rule (matrix id or clause), the activities, what matched, how strongly."""

    kind: str
    rule: str
    activity_ids: tuple[int, ...]
    year: int
    detail: str = ""
    score: float | None = None
    # For `inform`: INFORMED or INVOLVED. `suggested`: the row is the one the activity's text suggests.
    duty: str = ""
    suggested: bool = False

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.rule}:{'-'.join(map(str, self.activity_ids))}"


def _agreed_jointly(a: Item, b: Item) -> bool:
    return a.partner == b.party or b.partner == a.party


def score(a: Item, b: Item, corpus: Corpus) -> tuple[float, list[str]]:
    """How strongly two activities say the same thing, and the shared features, strongest first.

    Each shared feature adds its IDF times the geometric mean of its two field weights; the same
    task area adds a little. Without one shared feature that is rare enough, the score is 0.
    """
    shared = a.terms.keys() & b.terms.keys()
    contributions = sorted(
        ((corpus.idf(f) * math.sqrt(a.terms[f] * b.terms[f]), f) for f in shared), reverse=True
    )
    if not any(not is_weak(f) and corpus.idf(f) >= STRONG_IDF for _c, f in contributions):
        return 0.0, []
    total = sum(c for c, _f in contributions) + (SAME_AREA_BONUS if a.area == b.area else 0.0)
    return round(total, 3), [f for c, f in contributions if c > 0]


def _overlap_hit(a: Item, b: Item, corpora: dict[int, Corpus], threshold: float) -> Hit | None:
    if a.party == b.party or _agreed_jointly(a, b) or a.own or b.own:
        return None
    year = min(a.year, b.year)
    value, shared = score(a, b, corpora.get(year) or Corpus())
    if value < threshold:
        return None
    ids = (a.id, b.id) if a.id < b.id else (b.id, a.id)
    return Hit("overlap", OVERLAP_RULE, ids, year, "; ".join(shared), value)


def corpora_of(items: Iterable[Item]) -> dict[int, Corpus]:
    """One corpus per plan year."""
    by_year: dict[int, list[Item]] = defaultdict(list)
    for item in items:
        by_year[item.year].append(item)
    return {year: Corpus.of(group) for year, group in by_year.items()}


def overlap(items: Iterable[Item], *, corpora: dict[int, Corpus] | None = None, threshold: float = DEFAULT_THRESHOLD) -> list[Hit]:
    """Pairs of the two parties' activities that overlap, by sort-and-sweep (never all against all).

    1. Count the features of each year's activities (the corpora), unless given.
    2. Walk the activities in start order, keeping the activities still running in a heap by end
       day and indexed by (party, rare feature): pop those that ended before the current one starts,
       and drop them from the index. An activity without a rare feature is never a candidate.
    3. Score the current activity only against the other parties' running ones that share a rare
       feature with it: they overlap in time by construction; it is a hit when the score reaches
       the threshold.
    """
    items = sorted(items, key=attrgetter("start", "id"))
    corpora = corpora if corpora is not None else corpora_of(items)
    empty = Corpus()
    ending: list[tuple[int, int, Item, list[tuple[str, str]]]] = []
    running: dict[tuple[str, str], dict[int, Item]] = {}  # (party, rare feature) → the activities still running
    parties: set[str] = set()
    hits = []
    for item in items:
        start = item.start
        while ending and ending[0][0] < start:
            _end, _id, old, keys = heappop(ending)
            for key in keys:
                bucket = running[key]
                del bucket[old.id]
                if not bucket:
                    del running[key]
        strong = (corpora.get(item.year) or empty).strong(item)
        if not strong:
            continue  # it cannot be a candidate of anything
        party = item.party
        seen: set[int] = set()
        for other_party in parties:
            if other_party == party:
                continue
            for f in strong:
                for other in running.get((other_party, f), {}).values():
                    if other.id not in seen:
                        seen.add(other.id)
                        hit = _overlap_hit(item, other, corpora, threshold)
                        if hit:
                            hits.append(hit)
        keys = [(party, f) for f in strong]
        for key in keys:
            bucket = running.get(key)
            if bucket is None:
                running[key] = {item.id: item}
            else:
                bucket[item.id] = item
        heappush(ending, (item.end, item.id, item, keys))
        parties.add(party)
    return hits


def overlap_with(item: Item, candidates: Iterable[Item], *, corpora: dict[int, Corpus], threshold: float = DEFAULT_THRESHOLD) -> list[Hit]:
    """The overlaps of one activity with candidates (e.g. from an indexed date-range query)."""
    hits = []
    for other in candidates:
        if other.id != item.id and other.start <= item.end and other.end >= item.start:
            hit = _overlap_hit(item, other, corpora, threshold)
            if hit:
                hits.append(hit)
    return hits


def _own_cluster_work(item: Item, rules: dict[str, RowRule]) -> bool:
    """The activity sits under a cluster or innovation row that its own party leads (3.1: such relations inform the lead)."""
    row = rules.get(item.row) if item.row else None
    return row is not None and row.cluster_work and row.lead == item.party


def single_track(items: Iterable[Item], rules: dict[str, RowRule]) -> list[Hit]:
    """Activities of the party that does not lead a single-track row which name one of its counterparts,
    other than its own cluster or innovation work (which is an `inform` instead)."""
    tracked = [r for r in rules.values() if r.single_track and r.lead]
    hits = []
    for item in items:
        for rule in tracked:
            if item.party == rule.lead or item.partner == rule.lead:
                continue
            named = rule.named_in(item)
            if named and not _own_cluster_work(item, rules):
                hits.append(Hit("single_track", rule.code, (item.id,), item.year, "; ".join(named)))
    return hits


def responsibility(items: Iterable[Item], rules: dict[str, RowRule]) -> list[Hit]:
    """Activities planned under a matrix row that the other party leads alone (or, without a row,
    whose text suggests such a row: `suggested`).

    A row in which the other party also takes part (3.3, 3.7) is no breach (`inform` tells the lead).
    An activity that already breaks the row's single-track rule is left to `single_track`, so a
    director reads one finding for it, not two.
    """
    hits = []
    for item in items:
        code = item.row or item.suggested_row
        rule = rules.get(code) if code else None
        if rule is None or rule.lead is None or rule.lead in (item.party, item.partner):
            continue
        if rule.takes_part:
            continue  # 3.3, 3.7: the other party may take part; `inform` tells the lead
        if rule.single_track and rule.named_in(item):
            continue
        hits.append(Hit("responsibility", rule.code, (item.id,), item.year, suggested=not item.row))
    return hits


def _told(item: Item, party: str) -> bool:
    """Whether `party` is to be told of the item: it is not the item's party, nor its partner (who knows already)."""
    return party != item.party and party != item.partner


def inform(items: Iterable[Item], rules: dict[str, RowRule]) -> list[Hit]:
    """What the other party must be told of under Appendix 1, one `inform` per activity (only tagged rows count).

    1. The row: the lead's activity under a row whose other party is informed or involved; the other
       party's activity under a row in which it also takes part (3.3, 3.7: the lead is involved, to coordinate);
       an activity without the other party as partner under a row carried out together (1.9: it is involved).
    2. 3.1: the lead's activity naming a large global company (the other party is kept informed), or
       the other party's own cluster or innovation work naming one (the lead is informed).
    3. Both: the one asking more of the told party (involved over informed); between equals 3.1, with the names.
    """
    tracked = [r for r in rules.values() if r.single_track and r.lead]
    hits = []
    for item in items:
        code = duty = None
        rule = rules.get(item.row) if item.row else None
        if rule is not None and rule.lead is not None:
            if item.party == rule.lead and rule.duty and item.partner is None:  # with a partner, the other party is in it
                code, duty = rule.code, rule.duty
            elif item.party != rule.lead and rule.takes_part and _told(item, rule.lead):
                code, duty = rule.code, INVOLVED
        elif rule is not None and rule.joint and item.partner is None:
            # A row the parties carry out together, planned by one of them alone: the other is involved.
            code, duty = rule.code, INVOLVED
        names = ""
        for track in tracked:
            named = track.named_in(item)
            if named and (
                (item.party == track.lead and item.partner is None)
                or (item.party != track.lead and _own_cluster_work(item, rules) and _told(item, track.lead))
            ):
                names = "; ".join(named)
                if duty != INVOLVED:  # 3.1 informs: it wins over a row that only informs too
                    code, duty = track.code, INFORMED
                break
        if code is not None:
            hits.append(Hit("inform", code, (item.id,), item.year, names, duty=duty))
    return hits


def common_interest(items: Iterable[Item]) -> list[Hit]:
    """Activities marked of common interest: the other party must be informed (§4)."""
    return [Hit("common_interest", COMMON_INTEREST_RULE, (i.id,), i.year) for i in items if i.common_interest]


def run_all(
    items: list[Item], rules: dict[str, RowRule], *, corpora: dict[int, Corpus] | None = None, threshold: float = DEFAULT_THRESHOLD,
) -> list[Hit]:
    """Every rule over the same activities."""
    return [
        *overlap(items, corpora=corpora, threshold=threshold), *responsibility(items, rules), *single_track(items, rules),
        *common_interest(items), *inform(items, rules),
    ]


def run_for(
    item: Item, candidates: Iterable[Item], rules: dict[str, RowRule], *, corpora: dict[int, Corpus], threshold: float = DEFAULT_THRESHOLD,
) -> list[Hit]:
    """Every rule for one activity, with its overlap candidates."""
    return [
        *overlap_with(item, candidates, corpora=corpora, threshold=threshold),
        *responsibility([item], rules),
        *single_track([item], rules),
        *common_interest([item]),
        *inform([item], rules),
    ]

"""The plan checks: plain functions over prepared activities, no database and no views.

Each rule returns `Hit`s; `activities.services.findings` turns them into stored findings.

- `overlap`: activities of the two parties in the same task area whose dates overlap and which share
  a topic, counterpart or target group, or the same matrix row (§1, §4: no overlapping activities).
- `responsibility`: a party plans an activity under a matrix row the other party leads alone
  (Appendix 1; DI-led rows count as DI FOS's side).
- `single_track`: the party that does not lead a single-track row names one of its counterparts
  (Appendix 1, 3.1: contact with e.g. Lockheed Martin runs only through DI / DI FOS).
- `common_interest`: an activity marked of common interest, which the other party must hear of (§4).

A joint activity whose partner is the other party is agreed between them, so it is not an overlap
or a breach of that party's lead.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from heapq import heappop, heappush
from operator import attrgetter

from agreement.selectors import normalise

OVERLAP_RULE = "§4"
COMMON_INTEREST_RULE = "§4"
# Prefixes of the normalised terms in Activity.match_keys.
TOPIC, COUNTERPART, TARGET_GROUP, TITLE = "t:", "c:", "g:", "n:"
KEY_SEPARATOR = "\n"


def split_terms(text: str) -> list[str]:
    """The ';'-separated terms of a field, stripped, without empties or repeats, in their order."""
    seen, terms = set(), []
    for term in (t.strip() for t in (text or "").split(";")):
        if term and term.casefold() not in seen:
            seen.add(term.casefold())
            terms.append(term)
    return terms


def _norm(term: str) -> str:
    return " ".join(normalise(term))


def match_keys(*, title: str, topics: str, counterparts: str, target_groups: str) -> str:
    """The normalised terms the checks compare, one per line, each prefixed with its field."""
    keys = [
        prefix + _norm(term)
        for prefix, text in ((TOPIC, topics), (COUNTERPART, counterparts), (TARGET_GROUP, target_groups))
        for term in split_terms(text)
        if _norm(term)
    ]
    keys.append(TITLE + _norm(title))
    return KEY_SEPARATOR.join(dict.fromkeys(keys))


@dataclass(frozen=True, slots=True)
class Item:
    """An activity as the checks see it; dates are day numbers (`date.toordinal()`), which compare fastest."""

    id: int
    party: str
    year: int
    area: int
    start: int
    end: int
    keys: frozenset[str]
    names: str
    row: str | None = None
    common_interest: bool = False
    partner: str | None = None


def make_item(
    *, id: int, party: str, year: int, area: int, start: dt.date, end: dt.date, match_keys: str, row: str | None = None,
    common_interest: bool = False, partner: str | None = None,
) -> Item:
    """An `Item` from an activity's stored columns; the matrix row counts as a shared term too."""
    lines = [k for k in (match_keys or "").split(KEY_SEPARATOR) if k]
    keys = {k for k in lines if not k.startswith(TITLE)}
    if row:
        keys.add("m:" + row)
    # Counterparts and title, padded so a phrase matches whole words only and never across fields.
    names = " | ".join(k[2:] for k in lines if k.startswith((COUNTERPART, TITLE)))
    return Item(
        id, party, year, area, start.toordinal(), end.toordinal(), frozenset(keys), f" {names} ", row, common_interest, partner
    )


@dataclass(frozen=True)
class RowRule:
    """What a matrix row means to the checks: who leads it alone, and whether it is single-track."""

    code: str
    lead: str | None
    single_track: bool = False
    counterparts: tuple[str, ...] = ()
    # (name, its words padded, its words joined): "Lockheed-Martin" normalises to one word, so a
    # name is looked for both ways. Prepared once, not per activity.
    phrases: tuple[tuple[str, str, str], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        phrases = tuple((name, f" {_norm(name)} ", f" {_norm(name).replace(' ', '')} ") for name in self.counterparts if _norm(name))
        object.__setattr__(self, "phrases", phrases)

    def named_in(self, item: Item) -> list[str]:
        """The row's counterparts that the activity names (in its counterparts or its title)."""
        return [name for name, words, joined in self.phrases if words in item.names or joined in item.names]


@dataclass(frozen=True, slots=True)
class Hit:
    """One thing a rule found: its kind, the rule (matrix id or clause), the activities, what matched."""

    kind: str
    rule: str
    activity_ids: tuple[int, ...]
    year: int
    detail: str = ""

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.rule}:{'-'.join(map(str, self.activity_ids))}"


def _shared_detail(a: Item, b: Item) -> str:
    return "; ".join(sorted(k[2:] for k in a.keys & b.keys))


def _agreed_jointly(a: Item, b: Item) -> bool:
    return a.partner == b.party or b.partner == a.party


def _overlap_hit(a: Item, b: Item) -> Hit:
    ids = (a.id, b.id) if a.id < b.id else (b.id, a.id)
    return Hit("overlap", OVERLAP_RULE, ids, min(a.year, b.year), _shared_detail(a, b))


def overlap(items: Iterable[Item]) -> list[Hit]:
    """Pairs of the two parties' activities that overlap, by sort-and-sweep (never all against all).

    1. Group the activities by task area, and sort each group by start day. (The database hands
       them over in that order already, so the sort only confirms it, in linear time.)
    2. Walk each group in start order, keeping per party a heap (by end day) of the activities
       still running: pop those that ended before the current one starts.
    3. Compare the current activity only with the other parties' running ones: they overlap in
       time by construction; it is a hit when they share a term and are not a joint activity.
    """
    by_area: dict[int, list[Item]] = defaultdict(list)
    for item in items:
        by_area[item.area].append(item)
    hits = []
    for group in by_area.values():
        running: dict[str, list[tuple[int, int, Item]]] = defaultdict(list)
        group.sort(key=attrgetter("start"))
        for item in group:
            for party, heap in running.items():
                if party == item.party:
                    continue
                while heap and heap[0][0] < item.start:
                    heappop(heap)
                for _end, _id, other in heap:
                    if not item.keys.isdisjoint(other.keys) and not _agreed_jointly(item, other):
                        hits.append(_overlap_hit(item, other))
            heappush(running[item.party], (item.end, item.id, item))
    return hits


def overlap_with(item: Item, candidates: Iterable[Item]) -> list[Hit]:
    """The overlaps of one activity with candidates (e.g. from an indexed date-range query)."""
    return [
        _overlap_hit(item, other)
        for other in candidates
        if other.party != item.party
        and other.area == item.area
        and other.start <= item.end
        and other.end >= item.start
        and not item.keys.isdisjoint(other.keys)
        and not _agreed_jointly(item, other)
    ]


def single_track(items: Iterable[Item], rules: dict[str, RowRule]) -> list[Hit]:
    """Activities of the party that does not lead a single-track row which name one of its counterparts."""
    tracked = [r for r in rules.values() if r.single_track and r.lead]
    hits = []
    for item in items:
        for rule in tracked:
            if item.party == rule.lead or item.partner == rule.lead:
                continue
            named = rule.named_in(item)
            if named:
                hits.append(Hit("single_track", rule.code, (item.id,), item.year, "; ".join(named)))
    return hits


def responsibility(items: Iterable[Item], rules: dict[str, RowRule]) -> list[Hit]:
    """Activities planned under a matrix row that the other party leads alone.

    An activity that already breaks the row's single-track rule is left to `single_track`, so a
    director reads one finding for it, not two.
    """
    hits = []
    for item in items:
        rule = rules.get(item.row) if item.row else None
        if rule is None or rule.lead is None or rule.lead in (item.party, item.partner):
            continue
        if rule.single_track and rule.named_in(item):
            continue
        hits.append(Hit("responsibility", rule.code, (item.id,), item.year))
    return hits


def common_interest(items: Iterable[Item]) -> list[Hit]:
    """Activities marked of common interest: the other party must be informed (§4)."""
    return [Hit("common_interest", COMMON_INTEREST_RULE, (i.id,), i.year) for i in items if i.common_interest]


def run_all(items: list[Item], rules: dict[str, RowRule]) -> list[Hit]:
    """Every rule over the same activities."""
    return [*overlap(items), *responsibility(items, rules), *single_track(items, rules), *common_interest(items)]


def run_for(item: Item, candidates: Iterable[Item], rules: dict[str, RowRule]) -> list[Hit]:
    """Every rule for one activity, with its overlap candidates."""
    return [
        *overlap_with(item, candidates),
        *responsibility([item], rules),
        *single_track([item], rules),
        *common_interest([item]),
    ]

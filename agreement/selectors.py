"""Reads for the agreement app: status, the matrix grid, and the "who owns this?" lookup."""

import datetime as dt
import re
import time
import unicodedata
from dataclasses import dataclass, field

from django.core.cache import cache
from django.utils import timezone

from django.contrib.auth import get_user_model

from portal.models import PARTY_STAFF_ROLES, Role

from .models import Agreement, Lead, MatrixRow, Notice, Organisation, Party, TaskArea

AGREEMENT_SLUG = "censec-difos"


def agreement_get() -> Agreement | None:
    return Agreement.objects.prefetch_related("parties").filter(slug=AGREEMENT_SLUG).first()


@dataclass(frozen=True)
class AgreementStatus:
    """Where the agreement stands today (§6): in force, under notice, or ended."""

    state: str  # "active", "notice", "ended"
    notice: Notice | None

    @property
    def ends_on(self) -> dt.date | None:
        return self.notice.ends_on if self.notice else None


def agreement_status(*, agreement: Agreement | None = None, today: dt.date | None = None) -> AgreementStatus:
    """One query: the standing notice, if any, decides the status (shown in every page's banner)."""
    today = today or timezone.localdate()
    notices = Notice.objects.select_related("party", "recorded_by").filter(withdrawn_at__isnull=True)
    notices = notices.filter(agreement=agreement) if agreement else notices.filter(agreement__slug=AGREEMENT_SLUG)
    notice = notices.first()
    if notice is None:
        return AgreementStatus("active", None)
    return AgreementStatus("ended" if today >= notice.ends_on else "notice", notice)


STATUS_CACHE_KEY = "agreement:status"


def agreement_status_cached() -> AgreementStatus:
    """The status every page's banner shows: computed once a day, or again after a notice changes."""
    today = timezone.localdate()
    key = f"{STATUS_CACHE_KEY}:{today.isoformat()}"
    status = cache.get(key)
    if status is None:
        status = agreement_status(today=today)
        cache.set(key, status, 24 * 3600)
    return status


def agreement_status_forget() -> None:
    cache.delete(f"{STATUS_CACHE_KEY}:{timezone.localdate().isoformat()}")


def notices_for_agreement(*, agreement: Agreement):
    return Notice.objects.filter(agreement=agreement).select_related("party", "recorded_by", "withdrawn_by")


def matrix_rows():
    return MatrixRow.objects.select_related("area", "clause").order_by("order")


# Columns of the matrix grid: who can hold a row, in the order the page shows them.
GRID_COLUMNS = [Party.CENSEC, Party.DIFOS, Lead.DI]


@dataclass
class GridRow:
    row: MatrixRow
    cells: dict[str, str] = field(default_factory=dict)  # column slug -> "lead" / duty value / ""


def matrix_grid() -> list[tuple[TaskArea, list[GridRow]]]:
    """The matrix as areas × parties: each cell says what that organisation does for the row."""
    areas: dict[int, tuple[TaskArea, list[GridRow]]] = {}
    for row in matrix_rows():
        cells = dict.fromkeys(GRID_COLUMNS, "")
        if row.lead in (Lead.BOTH, Lead.JOINT, Lead.EACH):
            cells[Party.CENSEC] = cells[Party.DIFOS] = row.lead
        else:
            cells[row.lead] = "lead"
            if row.lead_with_parent:
                cells[Lead.DI] = "lead"
            cells[Party(row.lead_party_slug).other] = row.other_party_duty
        areas.setdefault(row.area_id, (row.area, []))[1].append(GridRow(row, cells))
    return list(areas.values())


def party_organisations():
    return Organisation.objects.filter(kind=Organisation.Kind.PARTY).order_by("slug")


def party_staff(*kinds: str):
    """Active users holding one of `kinds` (default: director, secretariat) for a party to the agreement.

    Who is told of notices, missed months and findings, and who can take part in a director contact.
    """
    return (
        get_user_model()
        .objects.filter(
            is_active=True,
            roles__kind__in=kinds or PARTY_STAFF_ROLES,
            roles__organisation__kind=Organisation.Kind.PARTY,
        )
        .distinct()
    )


def party_staff_by_party() -> dict[str, list]:
    """The same people by party slug (a user with two roles is listed once per role), in one query."""
    staff: dict[str, list] = {}
    for role in Role.objects.filter(
        kind__in=PARTY_STAFF_ROLES, organisation__kind=Organisation.Kind.PARTY, user__is_active=True
    ).select_related("user", "organisation"):
        staff.setdefault(role.organisation.slug, []).append(role.user)
    return staff


PARTIES_CACHE_KEY = "agreement:parties"


def parties_by_slug() -> dict[str, Organisation]:
    """The two parties by slug: they change only when `load_agreement` runs (which drops this cache)."""
    parties = cache.get(PARTIES_CACHE_KEY)
    if parties is None:
        parties = {o.slug: o for o in party_organisations()}
        cache.set(PARTIES_CACHE_KEY, parties, 3600)
    return parties


# --- "Who owns this?" -------------------------------------------------------------------------

STOPWORDS = set(
    """a an and are as at by contact contacts do does for from has have how i in is it of on or our the to
    we what which who whom whose with owns own owner responsible responsibility
    af at den der det de en er et for fra har hvad hvem hvilken hvilke hvor i med og om på skal som står
    til ved vi ejer ansvar ansvaret ansvarlig kontakt kontakten""".split()
)
COUNTERPART_WEIGHT = 10
KEYWORD_WEIGHT = 4
TEXT_WEIGHT = 1
MIN_PREFIX = 5


def normalise(text: str) -> list[str]:
    """Lower-case word tokens, with hyphens joined ("match-making" → "matchmaking", "F-35" → "f35")."""
    text = unicodedata.normalize("NFC", text.lower()).replace("-", "").replace("'", "")
    return re.findall(r"[0-9a-zæøåäöüé]+", text)


def _terms(text: str) -> set[tuple[str, ...]]:
    return {tuple(normalise(t)) for t in text.split(";") if normalise(t)}


def _contains(haystack: list[str], needle: tuple[str, ...]) -> bool:
    n = len(needle)
    return any(tuple(haystack[i : i + n]) == needle for i in range(len(haystack) - n + 1))


def _prefix_match(query: list[str], term: tuple[str, ...]) -> bool:
    """One-word terms also match inflected forms: "forsvarsfonden" ~ "forsvarsfond"."""
    if len(term) != 1 or len(term[0]) < MIN_PREFIX:
        return False
    word = term[0]
    return any(len(q) >= MIN_PREFIX and (q.startswith(word) or word.startswith(q)) for q in query)


@dataclass
class LookupHit:
    row: MatrixRow
    score: int
    matched: list[str]


@dataclass(frozen=True)
class _LookupRow:
    """A matrix row's search terms, normalised once."""

    row: MatrixRow
    # (weight, ((term, its prefixes of MIN_PREFIX letters or more if it is one long word, else None), …))
    weighted: tuple[tuple[int, tuple[tuple[tuple[str, ...], frozenset[str] | None], ...]], ...]
    text: frozenset[str]
    longest: int = 1  # words in its longest term

    @staticmethod
    def _prepared(terms) -> tuple:
        return tuple(
            (t, frozenset(t[0][:k] for k in range(MIN_PREFIX, len(t[0]) + 1)) if len(t) == 1 and len(t[0]) >= MIN_PREFIX else None)
            for t in sorted(terms)
        )

    @classmethod
    def of(cls, row: MatrixRow) -> "_LookupRow":
        counterparts, keywords = _terms(row.counterparts), _terms(row.keywords_da) | _terms(row.keywords_en)
        return cls(
            row,
            ((COUNTERPART_WEIGHT, cls._prepared(counterparts)), (KEYWORD_WEIGHT, cls._prepared(keywords))),
            frozenset(normalise(row.responsibility_da)) | frozenset(normalise(row.responsibility_en)),
            max(map(len, counterparts | keywords), default=1),
        )


def _lookup(query: str, prepared: list[_LookupRow]) -> list[LookupHit]:
    """`matrix_lookup` over prepared rows: the question's phrases and prefixes are sets, so each term
    costs a lookup or two (the same result as `_contains` and `_prefix_match`, term by term)."""
    tokens = normalise(query)
    words = [w for w in tokens if w not in STOPWORDS]
    if not words:
        return []
    longest = max((entry.longest for entry in prepared), default=1)
    phrases = {tuple(tokens[i : i + n]) for n in range(1, longest + 1) for i in range(len(tokens) - n + 1)}
    long_words = {q for q in words if len(q) >= MIN_PREFIX}
    # A one-word term prefix-matches a word that starts with it, or that it starts with.
    starts = {q[:k] for q in long_words for k in range(MIN_PREFIX, len(q) + 1)}
    hits = []
    unique = {w for w in words if len(w) > 2}
    for entry in prepared:
        score, matched = 0, []
        for weight, terms in entry.weighted:
            for term, prefixes in terms:
                if term in phrases:
                    score += weight * len(term)
                    matched.append(" ".join(term))
                elif prefixes is not None and (term[0] in starts or not prefixes.isdisjoint(long_words)):
                    score += weight // 2
                    matched.append(" ".join(term))
        score += TEXT_WEIGHT * len(unique & entry.text)
        if score:
            hits.append(LookupHit(entry.row, score, matched))
    hits.sort(key=lambda h: (-h.score, h.row.order))
    return hits


def matrix_lookup(query: str, *, rows=None) -> list[LookupHit]:
    """The matrix rows that answer "who owns this?" for free text in Danish or English, best first.

    1. Split the question into normalised words, dropping question words ("who", "hvem", …).
    2. Score each row: a named counterpart found in the question weighs most, then a keyword
       (Danish or English; inflected forms count half), then each word of the row's text.
    3. Keep rows that scored; order by score, then by matrix order.
    """
    if not normalise(query):
        return []
    return _lookup(query, [_LookupRow.of(row) for row in (rows if rows is not None else matrix_rows())])


# --- The row an activity's text suggests -----------------------------------------------------------
# The activity form suggests rows as the secretariat types (matrix_lookup on title and description);
# the plan checks hold an activity without a row to the suggestion only when it is confident: the
# best row scores at least one whole keyword, and every row that scores anything worth counting
# (a fifth of the best, at least two) is led by the same party. "Briefing af forsvarsministeren" is
# 1.1 alone; "Møde med forsvarsministeren om klyngen" also touches 1.5 and 2.1 (CenSec's), so it is no
# confident suggestion, nor is an EDF consortium day (1.6 and 1.7 are DI FOS's, 1.8 is CenSec's).
SUGGEST_MIN_SCORE = KEYWORD_WEIGHT
SUGGEST_RIVAL_SHARE = 0.2
SUGGEST_RIVAL_MIN = 2
SUGGEST_ROWS_TTL = 60.0
_suggest_rows: list = [0.0, None]


def suggest_rows_forget() -> None:
    _suggest_rows[:] = [0.0, None]


def _suggest_prepared() -> list[_LookupRow]:
    if _suggest_rows[1] is None or time.monotonic() - _suggest_rows[0] > SUGGEST_ROWS_TTL:
        _suggest_rows[:] = [time.monotonic(), [_LookupRow.of(row) for row in matrix_rows()]]
    return _suggest_rows[1]


def confident_suggestion(hits: list[LookupHit]) -> MatrixRow | None:
    """The row of `hits` (best first, as matrix_lookup gives them) that is a confident suggestion, if any."""
    if not hits or hits[0].score < SUGGEST_MIN_SCORE:
        return None
    best = hits[0]
    floor = max(SUGGEST_RIVAL_MIN, best.score * SUGGEST_RIVAL_SHARE)
    lead = best.row.lead_party_slug
    if any(h.row.lead_party_slug != lead for h in hits[1:] if h.score >= floor):
        return None
    return best.row


def matrix_suggestion(text: str, *, rows=None) -> MatrixRow | None:
    """The matrix row that `text` (an activity's title and description) confidently suggests, or None.

    The rows are read once a minute at most (they change only when the agreement is loaded or edited).
    """
    if not normalise(text):
        return None
    prepared = [_LookupRow.of(row) for row in rows] if rows is not None else _suggest_prepared()
    return confident_suggestion(_lookup(text, prepared))

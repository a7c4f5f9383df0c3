"""How the overlap check reads what secretariats write, in Danish and English: plain functions, no database.

An activity's title, description, topics, counterparts and target groups become *features*:

1. Words: lower-cased, hyphenated words split into their parts and also joined ("match-making" →
   match, making, matchmaking), numbers alone and stop words (Danish, English, the parties' own
   names) dropped.
2. Stems: the Snowball Danish stemmer, which also folds the English plural and genitive endings
   (-s, -es), so "sensorer", "sensors" and "sensor" are one stem.
3. Compounds: a long Danish word is split into parts that the vocabulary knows (a base lexicon of
   the domain, the thesaurus, and the words of the activities being compared), with the linking
   -s- and -e- ("ammunitionsproduktion" → ammunition + produktion); the word and its parts count.
4. Thesaurus: a run of stems that spells one of a concept's terms (an acronym, a synonym, the other
   language) becomes the concept ("=ai" for "AI" and "kunstig intelligens").

Each feature is stored with the field it came from (`FIELD_WEIGHTS`), so a shared target group
weighs less than a shared title word. How much a shared feature counts is decided later, over the
activities compared (`activities.checks`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import Stemmer

DATA = Path(__file__).resolve().parent / "data"

# Field prefixes in Activity.match_keys, and how much a feature from that field counts.
TITLE, DESCRIPTION, TOPIC, COUNTERPART, TARGET_GROUP = "n", "d", "t", "c", "g"
FIELD_WEIGHTS = {TITLE: 1.0, TOPIC: 1.0, COUNTERPART: 1.0, DESCRIPTION: 0.6, TARGET_GROUP: 0.3}
CONCEPT, WEAK = "=", "~"  # a thesaurus concept's feature starts with one of these (a weak one with "~"); a stem never does

# Legal forms and generic words in organisation names: "Terma A/S" is Terma, "Fraunhofer-Gesellschaft" Fraunhofer.
LEGAL_WORDS = frozenset(
    "a/s as aps a.s. i/s p/s ivs amba a.m.b.a. gmbh ag kg se sa sas sarl spa srl bv nv ab oy asa plc ltd limited inc "
    "incorporated llc corp corporation co company group koncernen koncern holding holdings gesellschaft mbh".split()
)

MIN_PART = 3  # shortest compound part ("rum", "dag")
MIN_COMPOUND = 6  # shorter words are not split

_da = Stemmer.Stemmer("danish")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The Snowball Danish stem of a lower-case word (English plurals fold too: "drones", "droner" → "dron")."""
    return _da.stemWord(word)


def _read_words(name: str) -> frozenset[str]:
    words = set()
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0]
        words.update(line.split())
    return frozenset(words)


STOP_WORDS = _read_words("stopwords.txt")
LEXICON = _read_words("lexicon.txt")

_WORD = re.compile(r"[0-9a-zæøåäöüéè]+(?:[-/][0-9a-zæøåäöüéè]+)*")


@dataclass(frozen=True, slots=True)
class Token:
    """A word as written (`text`, at `start` in the field), the stems it stands for, and its compound parts' stems."""

    text: str
    start: int
    stems: tuple[str, ...]
    # Stems of whole compounds that split: their parts are the evidence, so the whole is not counted twice.
    compounds: frozenset[str] = frozenset()


def words(text: str) -> list[tuple[str, int, list[str]]]:
    """(surface, offset, lower-case words) for each word-like run of `text`; hyphenated runs give parts and the joined form."""
    text = unicodedata.normalize("NFC", text or "")
    lowered = text.lower().replace("’", "'")
    result = []
    for match in _WORD.finditer(lowered):
        run = match.group()
        parts = [p for p in re.split(r"[-/]", run) if p]
        forms = parts if len(parts) == 1 else [*parts, "".join(parts)]
        result.append((text[match.start() : match.end()], match.start(), forms))
    return result


def _keep(word: str) -> bool:
    return len(word) >= 2 and not word.isdigit() and word not in STOP_WORDS


@dataclass(frozen=True)
class Concept:
    """A thesaurus entry: terms that mean the same (acronyms, synonyms, both languages); `weak` ones count little."""

    key: str
    label: str
    weak: bool = False


@dataclass
class Thesaurus:
    """Term stem sequences → concept, prepared for matching runs of stems."""

    phrases: dict[str, list[tuple[tuple[str, ...], Concept]]] = field(default_factory=dict)
    single: dict[str, Concept] = field(default_factory=dict)
    concepts: dict[str, Concept] = field(default_factory=dict)

    @classmethod
    def build(cls, entries: Iterable[tuple[str, bool]]) -> Thesaurus:
        """From (';'-separated terms, weak) pairs; the first term names the concept."""
        thesaurus = cls()
        for terms, weak in entries:
            term_list = [t.strip() for t in terms.split(";") if t.strip()]
            if not term_list:
                continue
            name = " ".join(_stems_of(term_list[0]))
            if not name:
                continue
            concept = Concept((WEAK if weak else CONCEPT) + name, term_list[0], weak)
            thesaurus.concepts[concept.key] = concept
            for term in term_list:
                seq = tuple(_stems_of(term))
                if not seq:
                    continue
                if len(seq) == 1:
                    thesaurus.single.setdefault(seq[0], concept)
                else:
                    thesaurus.phrases.setdefault(seq[0], []).append((seq, concept))
        for options in thesaurus.phrases.values():
            options.sort(key=lambda o: -len(o[0]))  # the longest phrase first
        return thesaurus

    @property
    def vocabulary(self) -> set[str]:
        return set(self.single) | {s for options in self.phrases.values() for seq, _c in options for s in seq}


def _stems_of(term: str) -> list[str]:
    """The stems of a term's words, as `Analyzer.tokens` reads them (a hyphenated word joined)."""
    return [stem(w) for _surface, _offset, forms in words(term) for w in forms[-1:] if _keep(w)]


def read_seed_thesaurus() -> list[tuple[str, bool]]:
    """The starting set shipped with the portal (data/thesaurus.txt): one concept per line; '~' marks a weak one."""
    entries = []
    for line in (DATA / "thesaurus.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            weak = line.startswith("~")
            entries.append((line.lstrip("~").strip(), weak))
    return entries


class Analyzer:
    """Turns an activity's fields into features; `vocabulary` is the stems compound parts may be."""

    def __init__(self, thesaurus: Thesaurus, vocabulary: Iterable[str] = ()):
        self.thesaurus = thesaurus
        # The activities' own stems only from four letters: "pol" (Polen) must not cut "politik".
        self.vocabulary = {stem(w) for w in LEXICON} | thesaurus.vocabulary | {v for v in vocabulary if len(v) >= 4}
        self.vocabulary -= {stem(w) for w in STOP_WORDS}
        self._splits: dict[str, tuple[str, ...]] = {}

    # --- compounds ------------------------------------------------------------------------------

    def _known(self, part: str) -> bool:
        return len(part) >= MIN_PART and part not in STOP_WORDS and (stem(part) in self.vocabulary or part in self.vocabulary)

    def split(self, word: str) -> tuple[str, ...]:
        """The stems of a compound's parts, or () if the word is not a compound the vocabulary explains.

        1. Try every cut into a head (known) and a rest, skipping a linking -s- or -e- after the head.
        2. The rest is known, or itself splits, or (once, at the end) is an unknown word of four letters
           or more after a known head of four or more ("robotløsninger" → robot + løsning).
        3. Prefer the split with the fewest unknown parts, then the fewest parts, then the longest head.
        """
        if word in self._splits:
            return self._splits[word]
        best = self._split(word, allow_unknown=True, own=stem(word))
        parts: list[str] = []
        for part in best[2] if best else ():
            # A part may itself be a compound the vocabulary knows whole ("missilforsvar" → missil + forsvar).
            parts.append(stem(part))
            inner = self._split(part, allow_unknown=False, own=stem(part))
            if inner:
                parts.extend(stem(p) for p in inner[2])
        result = tuple(dict.fromkeys(parts))
        self._splits[word] = result
        return result

    def _split(self, word: str, allow_unknown: bool, own: str = ""):
        if len(word) < MIN_COMPOUND:
            return None
        options = []
        for cut in range(MIN_PART, len(word) - MIN_PART + 1):
            head = word[:cut]
            # A head that is the word's own stem is an inflection ("bestyr|else"), not a compound.
            if not self._known(head) or stem(head) == own or head == own:
                continue
            rests = [word[cut:]]
            if word[cut] in "se" and len(word) - cut - 1 >= MIN_PART:
                rests.append(word[cut + 1 :])
            for rest in rests:
                if self._known(rest):
                    options.append((0, 2, (head, rest), -len(head)))
                    continue
                sub = self._split(rest, allow_unknown=False, own=stem(rest))
                if sub:
                    options.append((sub[0], 1 + len(sub[2]), (head, *sub[2]), -len(head)))
                elif allow_unknown and len(head) >= 4 and len(rest) >= 4 and rest not in STOP_WORDS:
                    options.append((1, 2, (head, rest), -len(head)))
        if not options:
            return None
        unknown, count, parts, _head = min(options, key=lambda o: (o[0], o[1], o[3]))
        return unknown, count, parts

    # --- tokens and features --------------------------------------------------------------------

    def tokens(self, text: str) -> list[Token]:
        """The field's words that count, each with its stems (the word's and, for a compound, its parts')."""
        result = []
        for surface, offset, forms in words(text):
            stems: list[str] = []
            compounds = set()
            for form in forms:
                if not _keep(form):
                    continue
                stems.append(stem(form))
                parts = self.split(form)
                if parts:
                    compounds.add(stem(form))
                    stems.extend(parts)
            if stems:
                result.append(Token(surface, offset, tuple(dict.fromkeys(stems)), frozenset(compounds)))
        return result

    def features_of(self, tokens: list[Token]) -> list[tuple[str, list[int]]]:
        """(feature, indexes of the tokens it comes from): concepts for thesaurus runs, stems for the rest."""
        found: dict[str, list[int]] = {}
        covered: set[int] = set()
        heads = [t.stems[0] for t in tokens]
        for i, head in enumerate(heads):
            for seq, concept in self.thesaurus.phrases.get(head, ()):
                if tuple(heads[i : i + len(seq)]) == seq:
                    span = list(range(i, i + len(seq)))
                    found.setdefault(concept.key, []).extend(span)
                    covered.update(span)
                    break
        for i, token in enumerate(tokens):
            for s in token.stems:
                concept = self.thesaurus.single.get(s)
                if concept:
                    found.setdefault(concept.key, []).append(i)
                    if s == token.stems[0]:
                        covered.add(i)
            if i not in covered:
                for s in token.stems:
                    if s not in self.thesaurus.single and s not in token.compounds:
                        found.setdefault(s, []).append(i)
        return list(found.items())

    def field_features(self, prefix: str, text: str) -> list[str]:
        if prefix == COUNTERPART:
            text = " ; ".join(_without_legal_words(name) for name in text.split(";"))
        return [feature for feature, _where in self.features_of(self.tokens(text))]

    def match_keys(self, *, title: str, description: str = "", topics: str = "", counterparts: str = "", target_groups: str = "") -> str:
        """The features of an activity, one per line as `field:feature`, for Activity.match_keys."""
        keys = []
        for prefix, text in (
            (TITLE, title), (TOPIC, topics), (COUNTERPART, counterparts), (DESCRIPTION, description), (TARGET_GROUP, target_groups),
        ):
            keys.extend(f"{prefix}:{f}" for f in self.field_features(prefix, text or ""))
        return "\n".join(dict.fromkeys(keys))

    def label(self, feature: str) -> str:
        """What a feature is called in an explanation: a concept's first term, or the stem."""
        concept = self.thesaurus.concepts.get(feature)
        return concept.label if concept else feature

    def weak(self, feature: str) -> bool:
        concept = self.thesaurus.concepts.get(feature)
        return bool(concept and concept.weak)

    def highlight(self, text: str, features: set[str]) -> list[tuple[str, bool]]:
        """`text` cut into (piece, matched) runs: the words whose features are in `features` are matched."""
        text = unicodedata.normalize("NFC", text or "")
        tokens = self.tokens(text)
        hit = {i for feature, where in self.features_of(tokens) if feature in features for i in where}
        pieces, at = [], 0
        for i in sorted(hit):
            token = tokens[i]
            if token.start > at:
                pieces.append((text[at : token.start], False))
            pieces.append((text[token.start : token.start + len(token.text)], True))
            at = token.start + len(token.text)
        if at < len(text):
            pieces.append((text[at:], False))
        return pieces


def _without_legal_words(name: str) -> str:
    kept = [w for w in name.split() if w.lower().strip(".,") not in LEGAL_WORDS]
    name = " ".join(kept)
    return re.sub(r"[-‐]\s*(?:" + "|".join(re.escape(w) for w in ("gesellschaft", "gruppe", "group")) + r")\b", "", name, flags=re.I)

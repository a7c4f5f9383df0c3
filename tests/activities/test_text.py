"""How the overlap check reads text: stems, compound parts, the thesaurus, and how evidence is weighed (issue 9).

The words here are deliberately not those of the labelled dev set.
"""

import datetime as dt

import pytest

from activities import checks, text


@pytest.fixture(scope="module")
def analyzer():
    return text.Analyzer(text.Thesaurus.build(text.read_seed_thesaurus()))


def features(analyzer, value):
    return {f for f, _where in analyzer.features_of(analyzer.tokens(value))}


# --- Stemming -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("one", "other"), [("ansøgning", "ansøgninger"), ("sensor", "sensorer"), ("radarerne", "radar"), ("missions", "mission")])
def test_inflections_share_a_stem(analyzer, one, other):
    assert features(analyzer, one) & features(analyzer, other)


def test_different_words_do_not_share_a_stem(analyzer):
    assert not features(analyzer, "kontrakter") & features(analyzer, "kontroller")
    assert not features(analyzer, "satellit") & features(analyzer, "sateri")


def test_stop_words_dates_and_numbers_are_not_evidence(analyzer):
    assert features(analyzer, "Møde i april 2031 for og med CenSec") == {text.WEAK + "mød"}


# --- Compounds ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("compound", "word"),
    [
        ("droneteknologi", "droner"),
        ("cybersikkerhedsdag", "cybersikkerhed"),  # linking -s-
        ("missilforsvarskonference", "missiler"),
        ("radarsystemer", "radar"),
        ("kvantesensorer", "sensor"),
    ],
)
def test_a_compounds_part_matches_the_word_on_its_own(analyzer, compound, word):
    assert features(analyzer, compound) & features(analyzer, word)


def test_a_word_is_not_cut_into_an_inflection_or_into_stop_words(analyzer):
    assert analyzer.split("bestyrelsen") == ()  # bestyr|elsen is an inflection, not a compound
    assert analyzer.split("forsvar") == ()  # for|svar: "for" is a stop word
    assert not features(analyzer, "politik") & features(analyzer, "Polen")


def test_the_vocabulary_of_the_activities_compared_explains_new_compounds():
    thesaurus = text.Thesaurus.build([])
    assert text.Analyzer(thesaurus).split("brandslukningsrobotter") == ()
    with_vocabulary = text.Analyzer(thesaurus, vocabulary=[text.stem("brandslukning")])
    assert with_vocabulary.split("brandslukningsrobotter") == (text.stem("brandslukning"), text.stem("robotter"))


# --- Thesaurus ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("EDF-ansøgninger", "Den Europæiske Forsvarsfond"),
        ("UAV-løsninger", "ubemandede luftfartøjer"),
        ("Space industry workshop", "Rumindustri-workshop"),
        ("3D-print i produktionen", "additiv fremstilling"),
        ("Supplier day", "Underleverandører"),
        ("NATO-øvelse", "military exercise"),
    ],
)
def test_acronyms_synonyms_and_the_other_language_are_one_concept(analyzer, one, other):
    shared = features(analyzer, one) & features(analyzer, other)
    assert any(f[0] == text.CONCEPT for f in shared), (features(analyzer, one), features(analyzer, other))


def test_unrelated_terms_are_not_joined_by_the_thesaurus(analyzer):
    assert not features(analyzer, "Den Europæiske Forsvarsfond") & features(analyzer, "satellitkommunikation")
    assert not features(analyzer, "ubemandede luftfartøjer") & features(analyzer, "kunstig intelligens")


def test_an_administrators_entry_joins_terms_the_starting_set_does_not():
    plain = text.Analyzer(text.Thesaurus.build([]))
    extended = text.Analyzer(text.Thesaurus.build([("Terma; Terma Aerostructures", False), ("netværksmøde; network meeting", True)]))
    assert not features(plain, "netværksmøde") & features(plain, "network meeting")
    shared = features(extended, "netværksmøde") & features(extended, "network meeting")
    assert shared and all(f[0] == text.WEAK for f in shared)


def test_counterparts_match_by_name_without_legal_form(analyzer):
    def counterpart(name):
        return {line for line in analyzer.match_keys(title="x", counterparts=name).splitlines() if line.startswith("c:")}

    assert counterpart("Terma A/S") == counterpart("Terma")
    assert counterpart("Airbus Defence and Space GmbH") & counterpart("Airbus")
    assert not counterpart("Terma A/S") & counterpart("Systematic A/S")


# --- Weighing the evidence ------------------------------------------------------------------------


def _item(id, party, title, *, groups="", area=2, description=""):
    keys = checks.match_keys(title=title, description=description, target_groups=groups)
    day = dt.date(2031, 5, 5)
    return checks.make_item(id=id, party=party, year=2031, area=area, start=day, end=day, match_keys=keys)


def test_a_word_in_many_activities_counts_little_and_a_rare_one_much():
    plan = [_item(i, "censec", f"Droner og emne{i}") for i in range(30)] + [_item(100, "censec", "Hypersoniske missiler")]
    corpus = checks.Corpus.of(plan)
    [common] = features(checks.default_analyzer(), "droner")
    rare = corpus.strong(plan[-1])
    assert rare and common not in corpus.strong(plan[0])
    assert corpus.idf(common) < checks.STRONG_IDF < min(corpus.idf(f) for f in rare)


def test_a_word_common_among_the_activities_compared_never_makes_an_overlap_alone():
    # "robotter" is in every activity of both plans this year: a shared "robotter" says nothing.
    plan = [_item(i, "censec" if i % 2 else "difos", f"Robotter {word}") for i, word in enumerate(
        "radar sonar missiler fregatter kampfly ubåde artilleri helikoptere minerydning satellitter".split()
    )]
    a, b = _item(50, "censec", "Robotter og kontrakter"), _item(51, "difos", "Robotter i logistikken")
    assert checks.overlap([*plan, a, b]) == []
    # Between the same two alone, the same word is rare, and it is an overlap.
    assert len(checks.overlap([a, b])) == 1


def test_weak_words_add_to_a_score_but_never_make_one():
    corpus = checks.Corpus()
    a = _item(1, "censec", "Konference for SMV'er og medlemmer", groups="SMV")
    b = _item(2, "difos", "Konference for SMV'er og medlemmer", groups="SMV")
    assert checks.score(a, b, corpus) == (0.0, [])
    c = _item(3, "censec", "Konference om radar", groups="SMV")
    d = _item(4, "difos", "Konference om radar", groups="SMV")
    with_weak, _ = checks.score(c, d, corpus)
    alone, _ = checks.score(_item(5, "censec", "radar"), _item(6, "difos", "radar"), corpus)
    assert with_weak > alone >= checks.DEFAULT_THRESHOLD


def test_a_title_counts_more_than_a_description_and_a_target_group_least():
    corpus = checks.Corpus()
    titles = checks.score(_item(1, "censec", "Radar"), _item(2, "difos", "Radar"), corpus)[0]
    descriptions = checks.score(_item(1, "censec", "x", description="Radar"), _item(2, "difos", "y", description="Radar"), corpus)[0]
    groups = checks.score(_item(1, "censec", "x", groups="Radar"), _item(2, "difos", "y", groups="Radar"), corpus)[0]
    assert titles > descriptions > groups
    assert descriptions < checks.DEFAULT_THRESHOLD  # one shared rare description word is not enough alone

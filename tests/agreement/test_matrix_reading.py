"""Issue 11: each matrix row's reading of what the other party gets, held against the Danish original,
the matrix page showing it in the agreement's words, and the row an activity's text suggests."""

import pytest

from agreement.data import CLUSTER_AND_INNOVATION_ROWS
from agreement.models import Clause, Duty, MatrixRow
from agreement.selectors import matrix_lookup, matrix_suggestion

# id -> (the other party's duty, words of the Danish original that say so, the clause they stand in)
READING = {
    "1.1": (Duty.INVOLVED, "orienterer og inddrager Dl FOS/Dansk Industri CenSec i forhold til den politiske interessevaretagelse", "a1-1"),
    "1.2": (Duty.INVOLVED, "orienterer og inddrager Dl FOS/Dansk Industri CenSec i forhold til den politiske interessevaretagelse", "a1-1"),
    "1.3": (Duty.INVOLVED, "orienterer og inddrager Dl FOS/Dansk Industri CenSec i forhold til den politiske interessevaretagelse", "a1-1"),
    "1.4": (Duty.INVOLVED, "CenSec orienterer og inddrager DI FOS i relation til interessevaretagelsen relateret til klyngeaktiviteter", "a1-1"),
    "1.5": (Duty.NONE, "", "a1-1"),
    "1.6": (Duty.INVOLVED, "orienterer og inddrager Dl FOS/Dansk Industri CenSec i forhold til den politiske interessevaretagelse", "a1-1"),
    "1.7": (Duty.INVOLVED, "inddrager CenSec i dette arbejde, når det omhandler CenSecs kerneopgaver", "a1-1"),
    "1.8": (Duty.NONE, "", "a1-1"),
    "1.9": (Duty.JOINT, "gennemføres i samarbejde mellem DI FOS og CenSec", "a1-1"),
    "1.10": (Duty.NONE, "", "a1-1"),
    "2.1": (Duty.INFORMED, "formidler information til medlemmerne om klyngens aktiviteter", "a1-2"),
    "3.1": (Duty.INFORMED, "holder CenSec orienteret om kontakt til og dialog med disse", "a1-3"),
    "3.2": (Duty.CONSULTED, "koordinerer og hører/inddrager CenSec", "a1-3"),
    "3.3": (Duty.TAKES_PART, "hvor CenSec ligeledes deltager", "a1-3"),
    "3.4": (Duty.INVOLVED, "inddrager og orienterer hinanden", "a1-3"),
    "3.5": (Duty.CONSULTED, "CenSec koordinerer dette med DI FOS", "a1-3"),
    "3.6": (Duty.NONE, "", "a1-3"),
    "3.7": (Duty.TAKES_PART, "CenSec kan i tæt samarbejde med DI FOS være involveret", "a1-3"),
    "3.8": (Duty.INVOLVED, "inddrager og orienterer hinanden", "a1-3"),
    "4.1": (Duty.CONSULTED, "samarbejde om, koordinere eller aftale en nærmere rolle- og arbejdsfordeling", "a1-4"),
    "5.1": (Duty.NONE, "", "a1-5"),
}


def _original(text):
    """The loaded Danish text, with the scan's "Dl" mended and lines joined, as the comparison needs."""
    return " ".join(text.replace("Dl FOS", "DI FOS").split())


def test_every_rows_duty_is_the_one_the_danish_original_gives(agreement):
    rows = {r.code: r for r in MatrixRow.objects.select_related("clause")}
    assert set(rows) == set(READING)
    for code, (duty, words, clause) in READING.items():
        row = rows[code]
        assert row.other_party_duty == duty, code
        assert row.clause.slug == clause, code
        assert _original(words) in _original(row.clause.text_da), code
        # A row that asks something of the other party says so in Danish; one that does not, says nothing.
        assert bool(row.other_party_da) == (duty != Duty.NONE or row.lead == "both"), code


def test_3_1_is_a_main_rule_and_the_cluster_rows_are_censecs(agreement):
    row = MatrixRow.objects.get(code="3.1")
    assert row.single_track and "som hovedregel" in row.responsibility_da
    assert "som hovedregel enstrenget via Dansk Industri/DI FOS" in Clause.objects.get(slug="a1-3").text_da
    assert set(MatrixRow.objects.filter(code__in=CLUSTER_AND_INNOVATION_ROWS).values_list("lead", flat=True)) == {"censec"}
    assert "1.4" not in CLUSTER_AND_INNOVATION_ROWS and "3.8" not in CLUSTER_AND_INNOVATION_ROWS


def _row_html(html, code, following):
    return html[html.index(f'id="row-{code}"') : html.index(f'id="row-{following}"')]


def test_the_matrix_page_shows_the_other_partys_duty_in_the_agreements_words(client_for, difos_observer):
    html = client_for(difos_observer).get("/agreement/matrix/").content.decode()
    assert "Orienteres og inddrages" in _row_html(html, "1.2", "1.3")
    assert "CenSec orienteres og inddrages" in _row_html(html, "1.2", "1.3")
    assert "Deltager ligeledes" in _row_html(html, "3.3", "3.4") and "CenSec deltager ligeledes" in _row_html(html, "3.3", "3.4")
    assert ">Orienteres</td>" in _row_html(html, "2.1", "3.1")
    assert "som hovedregel" in _row_html(html, "3.1", "3.2")
    assert "—" in _row_html(html, "1.5", "1.6")


def test_in_english_the_matrix_page_also_gives_the_danish_words(client_for, difos_observer):
    client = client_for(difos_observer)
    client.cookies["django_language"] = "en"
    html = client.get("/agreement/matrix/").content.decode()
    row = _row_html(html, "3.3", "3.4")
    assert "CenSec also takes part" in row and '<span lang="da"' in row and "CenSec deltager ligeledes" in row
    assert "Also takes part" in row


@pytest.mark.parametrize(
    "text, code",
    [
        ("Briefing af forsvarsministeren", "1.1"),
        ("Briefing for the Minister of Defence", "1.1"),
        ("Møde med Lockheed Martin om leverandørprogram", "3.1"),
        ("Medlemsmøde: eksportkontrol i praksis", "1.3"),
    ],
)
def test_a_confident_suggestion_is_the_forms_first_row(agreement, text, code):
    assert matrix_suggestion(text).code == code == matrix_lookup(text)[0].row.code


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Klyngens årsmøde",  # one inflected word: too little
        "Møde med forsvarsministeren om klyngen",  # 1.1 (DI FOS), but also CenSec's cluster rows
        "EDF-konsortiedag: find partnere til Den Europæiske Forsvarsfond",  # 1.6/1.7 (DI FOS) and 1.8 (CenSec)
        "Netværksmøde for SMV'er om eksport",  # 3.2 (DI FOS) and 3.8 (CenSec)
    ],
)
def test_no_suggestion_when_the_text_is_not_clear(agreement, text):
    assert matrix_suggestion(text) is None

import pytest

from agreement.selectors import matrix_lookup


def codes(query):
    return [hit.row.code for hit in matrix_lookup(query)]


@pytest.mark.parametrize(
    "query",
    ["Lockheed Martin", "who owns contact with Lockheed Martin?", "Hvem har kontakten til Lockheed Martin?", "lockheed"],
)
def test_lockheed_martin_is_3_1_first(agreement, query):
    assert codes(query)[0] == "3.1"


@pytest.mark.parametrize("query", ["EDF", "European Defence Fund", "Den Europæiske Forsvarsfond"])
def test_edf_finds_1_6_1_7_and_1_8(agreement, query):
    found = codes(query)
    assert set(found[:3]) == {"1.6", "1.7", "1.8"}, found


def test_edf_ranks_exactly_the_three_rows(agreement):
    assert codes("EDF") == ["1.6", "1.7", "1.8"]


@pytest.mark.parametrize("query", ["match-making", "matchmaking", "innovationsrettet match-making"])
def test_match_making_finds_1_8_and_2_1(agreement, query):
    assert set(codes(query)[:2]) == {"1.8", "2.1"}


@pytest.mark.parametrize(
    "query, expected",
    [
        ("forsvarsministeren", "1.1"),
        ("Minister of Defence", "1.1"),
        ("eksportkontrol", "1.3"),
        ("export control", "1.3"),
        ("klyngesamarbejde", "2.1"),
        ("F-35 industripartnerskabet", "3.3"),
        ("Grønland", "3.4"),
        ("Greenland", "3.4"),
        ("opkvalificering af SMV'er", "3.8"),
        ("nyhedsbrev", "5.1"),
    ],
)
def test_it_understands_danish_and_english(agreement, query, expected):
    assert codes(query)[0] == expected


def test_question_words_alone_find_nothing(agreement):
    assert codes("who owns what?") == []
    assert codes("") == []


def test_the_page_answers_with_lead_and_single_track(client_for, censec_secretariat):
    response = client_for(censec_secretariat).get("/agreement/lookup/", {"q": "Lockheed Martin"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-code="3.1"' in html
    assert "DI / DI FOS" in html
    assert "enstrenget" in html  # Danish is the default language


def test_the_page_returns_a_fragment_for_htmx(client_for, censec_secretariat):
    response = client_for(censec_secretariat).get("/agreement/lookup/", {"q": "EDF"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "<html" not in html
    assert html.index('data-code="1.6"') < html.index('data-code="1.7"') < html.index('data-code="1.8"')


def test_a_query_with_no_match_says_so(client_for, censec_secretariat):
    response = client_for(censec_secretariat).get("/agreement/lookup/", {"q": "zzyzx"})
    assert "zzyzx" in response.content.decode()
    assert "data-code" not in response.content.decode()

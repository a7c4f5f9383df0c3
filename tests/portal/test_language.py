def test_danish_is_the_default_even_for_an_english_browser(client_for, censec_director):
    response = client_for(censec_director).get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert response["Content-Language"] == "da"
    assert 'lang="da"' in response.content.decode()
    assert "Koordineringsoverblik" in response.content.decode()


def test_the_language_switch_sticks(client_for, censec_director):
    client = client_for(censec_director)
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/agreement/matrix/"})
    assert response.status_code == 302 and response["Location"] == "/agreement/matrix/"
    page = client.get("/agreement/matrix/").content.decode()
    assert "Responsibility matrix" in page and 'lang="en"' in page
    assert "Coordination dashboard" in client.get("/").content.decode()
    client.post("/i18n/setlang/", {"language": "da", "next": "/"})
    assert "Koordineringsoverblik" in client.get("/").content.decode()


def test_the_login_page_can_switch_language_before_login(db, client):
    client.post("/i18n/setlang/", {"language": "en", "next": "/accounts/login/"})
    assert "Log in" in client.get("/accounts/login/").content.decode()


def test_an_unknown_language_falls_back_to_danish(client_for, censec_director):
    client = client_for(censec_director)
    client.cookies["django_language"] = "xx"
    assert client.get("/")["Content-Language"] == "da"


def test_the_agreement_shows_the_english_reading_with_the_danish_original(client_for, censec_director):
    client = client_for(censec_director)
    client.cookies["django_language"] = "en"
    html = client.get("/agreement/").content.decode()
    assert "Either party may terminate the agreement with three months" in html
    assert "Aftalen kan opsiges af begge parter med tre måneders frist" in html  # the original, under a <details>

"""Every form of the foundation, fed random and hostile input: never a 500, never stored script."""

from hypothesis import given, strategies as st

from agreement.models import Notice
from tests.fuzz.strategies import answers, hostile_dates, hostile_text


@given(q=hostile_text)
def test_lookup_never_fails(client_for, censec_secretariat, q):
    response = client_for(censec_secretariat).get("/agreement/lookup/", {"q": q})
    assert response.status_code in answers((200,), q)
    assert "<script>alert(1)</script>" not in response.content.decode()


@given(party=st.one_of(st.integers(-5, 10**12), hostile_text), given_on=hostile_dates, reason=hostile_text)
def test_the_notice_form_never_fails_and_never_stores_junk(client_for, censec_director, party, given_on, reason):
    response = client_for(censec_director).post("/agreement/", {"party": party, "given_on": given_on, "reason": reason})
    assert response.status_code in answers((200, 302), party, given_on, reason)
    for notice in Notice.objects.all():
        assert notice.ends_on > notice.given_on
        Notice.objects.filter(pk=notice.pk).delete()


@given(username=hostile_text, password=hostile_text)
def test_login_never_fails(client, demo_users, username, password):
    response = client.post("/accounts/login/", {"username": username, "password": password})
    assert response.status_code in answers((200, 429), username, password)
    assert "_auth_user_id" not in client.session


@given(language=hostile_text, next_url=hostile_text)
def test_the_language_switch_never_fails_nor_redirects_off_site(client_for, censec_director, language, next_url):
    response = client_for(censec_director).post("/i18n/setlang/", {"language": language, "next": next_url})
    assert response.status_code in answers((200, 204, 302), language, next_url)
    if response.status_code == 302:
        assert not response["Location"].startswith(("http:", "https:", "//"))


@given(token=hostile_text)
def test_the_two_factor_form_never_fails(client_for, censec_director, token):
    response = client_for(censec_director).post("/accounts/mfa/setup/", {"token": token, "next": "/"})
    assert response.status_code in answers((200,), token)


@given(ids=st.lists(hostile_text, max_size=5))
def test_marking_notifications_read_never_fails(client_for, censec_director, ids):
    assert client_for(censec_director).post("/notifications/read/", {"id": ids}).status_code in answers((302,), *ids)


@given(page=hostile_text)
def test_pagination_never_fails(client_for, censec_director, page):
    assert client_for(censec_director).get("/notifications/", {"page": page}).status_code in answers((200,), page)

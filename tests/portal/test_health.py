import json

from django.test import override_settings


def test_healthz_answers_without_login(db, client):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.content == b"ok"


def test_readyz_checks_the_database(db, client):
    body = json.loads(client.get("/readyz").content)
    assert body["checks"]["database"] == "ok"


@override_settings(REDIS_URL="redis://127.0.0.1:1/0")
def test_readyz_is_unavailable_when_the_broker_is_down(db, client):
    response = client.get("/readyz")
    assert response.status_code == 503
    assert json.loads(response.content)["checks"]["broker"].startswith("error")

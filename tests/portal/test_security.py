"""Login lockout, sessions, the admin, the Content-Security-Policy and two-factor login."""

import datetime as dt
import time

import pytest
import time_machine
from django.test import Client, override_settings
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice


def login(client, username, password):
    return client.post("/accounts/login/", {"username": username, "password": password})


def test_every_page_carries_a_strict_content_security_policy(client_for, censec_director):
    policy = client_for(censec_director).get("/")["Content-Security-Policy"]
    for directive in ("object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "script-src 'self'"):
        assert directive in policy
    assert "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]


def test_pages_have_no_inline_script(client_for, censec_director):
    html = client_for(censec_director).get("/agreement/").content.decode()
    assert "<script>" not in html and "onclick=" not in html


def test_repeated_failed_logins_lock_the_account_with_a_clear_message(client, demo_users):
    for _ in range(4):
        assert login(client, "censec-director", "wrong").status_code == 200
    assert login(client, "censec-director", "wrong").status_code == 429  # the fifth failure locks
    response = login(client, "censec-director", "demo")  # even the right password, while locked
    assert response.status_code == 429
    assert "låst" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_successful_login_resets_the_count(client, demo_users):
    for _ in range(4):
        login(client, "censec-director", "wrong")
    assert login(client, "censec-director", "demo").status_code == 302
    client.post("/accounts/logout/")
    for _ in range(4):
        login(client, "censec-director", "wrong")
    assert login(client, "censec-director", "demo").status_code == 302


def test_login_starts_a_new_session(client, demo_users):
    client.get("/accounts/login/")
    client.session.save()
    before = client.session.session_key
    login(client, "censec-director", "demo")
    assert client.session.session_key != before


def test_a_password_change_ends_every_other_session(demo_users):
    phone, laptop = Client(), Client()
    login(phone, "censec-director", "demo")
    login(laptop, "censec-director", "demo")
    response = laptop.post(
        "/accounts/password_change/",
        {"old_password": "demo", "new_password1": "A-long-new-passphrase-9", "new_password2": "A-long-new-passphrase-9"},
    )
    assert response.status_code == 302
    assert laptop.get("/").status_code == 200  # the session that changed it stays
    assert phone.get("/").status_code == 302  # every other one is over


def test_a_weak_password_is_refused(client_for, censec_director):
    response = client_for(censec_director).post(
        "/accounts/password_change/", {"old_password": "demo", "new_password1": "password1", "new_password2": "password1"}
    )
    assert response.status_code == 200
    assert "for almindelig" in response.content.decode() or "for kort" in response.content.decode()


def test_disabling_a_user_ends_their_session(client_for, censec_director):
    client = client_for(censec_director)
    assert client.get("/").status_code == 200
    censec_director.is_active = False
    censec_director.save()
    assert client.get("/").status_code == 302


def test_a_session_expires_after_an_hour_without_use(client, demo_users, settings):
    # time-machine moves Django's clock, not Redis's: with Redis the cached session would outlive the
    # jump (there Redis's own TTL, the same hour, ends it). The database store shows the rule itself.
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.db"
    login(client, "censec-director", "demo")
    assert client.get("/").status_code == 200
    with time_machine.travel(dt.datetime.now(dt.UTC) + dt.timedelta(minutes=61)):
        assert client.get("/").status_code == 302


def test_a_session_in_use_stays_alive(client, demo_users):
    login(client, "censec-director", "demo")
    start = dt.datetime.now(dt.UTC)
    for minutes in (40, 80, 120):
        with time_machine.travel(start + dt.timedelta(minutes=minutes)):
            assert client.get("/").status_code == 200, minutes


@pytest.mark.parametrize("persona", ["censec_director", "censec_secretariat", "difos_observer"])
def test_the_admin_is_for_administrators_only(request, client_for, persona):
    user = request.getfixturevalue(persona)
    user.is_staff = True  # even a staff flag set by hand does not open it
    user.save()
    response = client_for(user).get("/admin/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_administrators_reach_the_admin(client_for, admin_user):
    assert client_for(admin_user).get("/admin/").status_code == 200


# --- two-factor -------------------------------------------------------------------------------


def current_code(device):
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    return str(totp.token()).zfill(device.digits)


@override_settings(PORTAL_REQUIRE_MFA=True)
def test_an_observer_must_set_up_two_factor_before_anything_else(client, demo_users):
    login(client, "difos-observer", "demo")
    response = client.get("/agreement/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/mfa/")
    page = client.get("/accounts/mfa/setup/?next=/agreement/")
    assert b"data:image/svg+xml;base64," in page.content
    device = TOTPDevice.objects.get(user=demo_users["difos-observer"])
    wrong = client.post("/accounts/mfa/setup/", {"token": "000000", "next": "/agreement/"})
    assert "ikke rigtig" in wrong.content.decode()
    # django-otp throttles after a wrong code (1 s, doubling): the person tries again a little later.
    with time_machine.travel(dt.datetime.now(dt.UTC) + dt.timedelta(seconds=3)):
        device.refresh_from_db()
        done = client.post("/accounts/mfa/setup/", {"token": current_code(device), "next": "/agreement/"})
    codes = done.context["codes"]
    assert len(codes) == 10
    assert client.get("/agreement/").status_code == 200


@override_settings(PORTAL_REQUIRE_MFA=True)
def test_a_recovery_code_works_once(client, demo_users):
    from portal import mfa

    user = demo_users["difos-observer"]
    device = mfa.enrolment_device(user)
    device.confirmed = True
    device.save()
    (code, *_rest) = mfa.recovery_codes_issue(user=user)
    login(client, "difos-observer", "demo")
    assert client.post("/accounts/mfa/", {"token": code, "next": "/"}).status_code == 302
    assert client.get("/agreement/").status_code == 200
    client.post("/accounts/logout/")
    login(client, "difos-observer", "demo")
    again = client.post("/accounts/mfa/", {"token": code, "next": "/"})
    assert again.status_code == 200 and "ikke rigtig" in again.content.decode()


@override_settings(PORTAL_REQUIRE_MFA=True)
def test_two_factor_is_not_forced_on_a_director_without_material_access(client, demo_users):
    login(client, "censec-director", "demo")
    assert client.get("/").status_code == 200


@override_settings(PORTAL_REQUIRE_MFA=True)
def test_an_administrator_must_verify(client, demo_users):
    login(client, "admin", "demo")
    assert client.get("/admin/").status_code == 302


def test_mfa_next_cannot_send_users_off_site(client_for, censec_director):
    from portal import mfa

    device = mfa.enrolment_device(censec_director)
    client = client_for(censec_director)
    response = client.post("/accounts/mfa/setup/", {"token": current_code(device), "next": "https://evil.example/"})
    assert response.context["next"] == "/"


def test_nul_bytes_get_a_clear_400_and_change_nothing(client_for, censec_director):
    client = client_for(censec_director)
    response = client.get("/governance/meetings/", {"q": "bestyrelse\x00"})
    assert response.status_code == 400
    assert "kontroltegn" in response.content.decode()
    assert client.post("/agreement/", {"reason": "\x00"}).status_code == 400


def test_a_very_long_username_is_only_a_failed_login(client, demo_users):
    response = client.post("/accounts/login/", {"username": "x" * 10_000, "password": "demo"})
    assert response.status_code == 200
    assert "korrekt brugernavn og adgangskode" in response.content.decode()


def test_a_lockout_locks_the_account_not_the_address_everyone_shares(client, demo_users):
    """Behind the production proxy every login comes from one address: one person's typos lock only their account."""
    for _ in range(5):
        login(client, "censec-director", "wrong")
    assert login(client, "censec-director", "demo").status_code == 429
    other = Client()  # same REMOTE_ADDR (127.0.0.1), another user
    assert login(other, "difos-director", "demo").status_code == 302


def test_the_account_stays_locked_from_any_other_address(demo_users):
    for number in range(5):
        login(Client(REMOTE_ADDR=f"10.0.0.{number + 1}"), "censec-director", "wrong")
    assert login(Client(REMOTE_ADDR="10.0.1.1"), "censec-director", "demo").status_code == 429


def test_the_recorded_address_ignores_x_forwarded_for_unless_proxies_are_trusted(demo_users, settings):
    from axes.models import AccessAttempt

    def attempt(user):
        Client(REMOTE_ADDR="10.9.9.9", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7").post(
            "/accounts/login/", {"username": user, "password": "wrong"}
        )
        return AccessAttempt.objects.get(username=user).ip_address

    assert attempt("censec-director") == "10.9.9.9"  # PORTAL_TRUSTED_PROXIES=0: the header is anyone's to forge
    settings.PORTAL_TRUSTED_PROXIES = 1
    assert attempt("difos-director") == "203.0.113.7"  # the one proxy's entry, not the client-written one
    settings.PORTAL_TRUSTED_PROXIES = 2
    assert attempt("censec-secretariat") == "6.6.6.6"

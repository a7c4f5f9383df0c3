"""Personas and shared fixtures. Each persona is a demo user as `seed_demo` makes them."""

import os
import shutil

import pytest
from django.core.management import call_command

REQUIRE_SERVICES = os.environ.get("PORTAL_REQUIRE_SERVICES") == "1"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """With PORTAL_REQUIRE_SERVICES=1 a skipped test is a failed test: nothing may be skipped in CI's second run."""
    report = yield
    if REQUIRE_SERVICES and report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.outcome = "failed"
        report.longrepr = f"Skipped with PORTAL_REQUIRE_SERVICES=1: {reason}"
    return report


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Demo users are made in many tests; the default hasher costs a third of a second each."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def fresh_cache():
    """Cached dashboard figures must not outlive the test (and the database) they were computed in."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def agreement(db):
    """The agreement, its clauses and the Appendix 1 matrix, as `load_agreement` writes them."""
    from agreement.selectors import agreement_get

    call_command("load_agreement", stdout=open(os.devnull, "w"))
    return agreement_get()


@pytest.fixture
def orgs(agreement):
    from agreement.models import Organisation

    return {o.slug: o for o in Organisation.objects.all()}


@pytest.fixture
def demo_users(agreement):
    from agreement import demo

    return demo.seed()


def _persona(name):
    @pytest.fixture
    def fixture(demo_users):
        return demo_users[name]

    fixture.__name__ = name.replace("-", "_")
    return fixture


censec_secretariat = _persona("censec-secretariat")
difos_secretariat = _persona("difos-secretariat")
censec_director = _persona("censec-director")
difos_director = _persona("difos-director")
censec_board = _persona("censec-board")
difos_observer = _persona("difos-observer")
censec_observer = _persona("censec-observer")
admin_user = _persona("admin")


@pytest.fixture
def outsider(agreement, django_user_model):
    """A logged-in user with no role at all."""
    return django_user_model.objects.create_user("outsider", email="outsider@example.com", password="x")


@pytest.fixture
def client_for(client):
    """client_for(user) → a test client logged in as that user."""

    def login(user):
        client.force_login(user)
        return client

    return login


# --- Browser tests -----------------------------------------------------------------------------

CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="session")
def chromium():
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"no Chromium at {CHROMIUM} (set CHROMIUM, or apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(chromium, live_server):
    """A browser tab on the live server; the test fails if any page broke the Content-Security-Policy."""
    context = chromium.new_context(base_url=live_server.url, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(10_000)
    violations = []
    page.on("console", lambda msg: "Content Security Policy" in msg.text and violations.append(msg.text))
    yield page
    context.close()
    assert violations == [], "the page broke the Content-Security-Policy"


@pytest.fixture
def login_as(page):
    """login_as("censec-director") logs in through the real login form, password "demo"."""

    def login(username, password="demo"):
        page.goto("/accounts/login/")
        page.fill("#id_username", username)
        page.fill("#id_password", password)
        page.click("main form button[type=submit]")
        page.wait_for_load_state()
        return page

    return login


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploaded board materials go to a fresh directory per test, never into the working tree."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def _fresh_prepared_checks():
    """The checks keep the matrix and term counts per process for a minute; each test has its own database."""
    from activities.services import analysis, findings

    analysis.forget()
    findings.rules_forget()
    findings.lookups_forget()
    yield
    analysis.forget()
    findings.rules_forget()
    findings.lookups_forget()

"""Each role's key pages pass axe-core with no critical or serious violation (WCAG 2.1 AA rules).

axe-core is vendored under tests/browser/vendor/axe-core/ (no download, no browser fetched). It is
injected through DevTools (`page.evaluate`), which the page's Content-Security-Policy does not
govern, so the portal's CSP stays strict and the `page` fixture still fails on any CSP violation.
"""

from pathlib import Path

import pytest
from django.utils import timezone

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = (Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js").read_text()
SERIOUS = {"critical", "serious"}

# One persona per role kind (secretariat, director, board member, observer, administrator).
ROLES = ["censec-secretariat", "difos-director", "censec-board", "difos-observer", "admin"]


def key_pages(meeting) -> list[str]:
    """The pages the issue names, for the demo data of `demo` (tests/browser/conftest.py)."""
    year = timezone.localdate().year
    return [
        "/",
        f"/activities/censec/{year}/",
        f"/activities/censec/{year}/import/",
        "/activities/findings/",
        f"/activities/timeline/{year}/",
        "/agreement/matrix/",
        "/agreement/lookup/?q=Lockheed+Martin",
        "/governance/boards/",
        f"/governance/meetings/{meeting.pk}/",
        "/governance/contacts/",
        "/notifications/",
        "/notifications/settings/",
    ]


def serious_violations(page) -> list[str]:
    """Run axe on the page as it is; one line per critical/serious violation: rule, impact, first elements."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(AXE + "\n;undefined")
    violations = page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ['violations']})).violations.map(v => ({
            id: v.id, impact: v.impact, count: v.nodes.length, targets: v.nodes.slice(0, 3).map(n => n.target.join(' '))
        }))"""
    )
    return [f"{v['id']} ({v['impact']}, {v['count']}×: {', '.join(v['targets'])})" for v in violations if v["impact"] in SERIOUS]


def test_the_login_page_has_no_serious_violation(demo, page):
    page.goto("/accounts/login/")
    assert serious_violations(page) == []


@pytest.mark.parametrize("username", ROLES)
def test_each_roles_key_pages_have_no_serious_violation(demo, login_as, username):
    page = login_as(username)
    found = {}
    for path in key_pages(demo):
        page.goto(path)
        page.wait_for_load_state("networkidle")
        if problems := serious_violations(page):
            found[path] = problems
    assert found == {}, "\n".join(f"{path}: {line}" for path, lines in found.items() for line in lines)

"""Each members page, as a visitor and as a member, on a phone and a desktop: axe-core finds no critical or serious violation.

axe-core is vendored under tests/browser/vendor/axe-core (see its README); it is evaluated in the page by Playwright,
so the pages' own Content-Security-Policy stays as strict as in production.
"""

from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = (Path(__file__).resolve().parent / "vendor" / "axe-core" / "axe.min.js").read_text()
PAGES = ["/members/", "/members/activities/", "/members/services/", "/members/contact/?q=eksportkontrol", "/members/?lang=en"]


@pytest.fixture
def living_site(demo_users):
    from activities import demo as activities_demo
    from members import demo as members_demo

    activities_demo.seed(users=demo_users)
    members_demo.seed(users=demo_users)
    from activities.models import Activity

    return Activity.objects.filter(visibility="public", plan__status="submitted").order_by("start").last()


def _serious_violations(page):
    page.evaluate(AXE)
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {', '.join(n['target'][0] for n in v['nodes'][:3])}"
        for v in result["violations"] if v["impact"] in ("critical", "serious")
    ]


@pytest.mark.parametrize("width", [390, 1280])
def test_no_members_page_has_a_critical_or_serious_violation(page, login_as, living_site, width):
    page.set_viewport_size({"width": width, "height": 900})
    found = {}
    paths = [*PAGES, f"/members/activities/{living_site.pk}/"]
    for path in paths:
        page.goto(path)
        found[f"visitor {path}"] = _serious_violations(page)
    login_as("member")
    for path in paths:
        page.goto(path)
        assert page.url.endswith(path), f"{path} sent the member to {page.url}"
        found[f"member {path}"] = _serious_violations(page)
    assert {k: v for k, v in found.items() if v} == {}
    assert page.evaluate("document.documentElement.scrollWidth") <= width + 1  # nothing runs off a phone screen

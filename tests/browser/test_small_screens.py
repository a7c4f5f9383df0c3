"""On a 390 px phone the plan and meeting tables scroll inside their own area; the page is never wider than the screen."""

import pytest
from django.utils import timezone

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


def overflow(page) -> int:
    """How many CSS pixels the page is wider than the screen (0: no horizontal page scroll)."""
    return page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")


@pytest.mark.parametrize("username", ["censec-secretariat", "difos-director", "difos-observer"])
def test_plan_and_meeting_pages_fit_a_390px_screen(demo, login_as, username):
    page = login_as(username)
    page.set_viewport_size(PHONE)
    year = timezone.localdate().year
    paths = ["/", "/governance/meetings/", f"/governance/meetings/{demo.pk}/"]
    if username != "difos-observer":
        paths += [f"/activities/censec/{year}/", "/activities/findings/", f"/activities/timeline/{year}/", "/governance/contacts/"]
    if username == "censec-secretariat":
        paths.append(f"/activities/censec/{year}/import/")
    wide = {}
    for path in paths:
        page.goto(path)
        page.wait_for_load_state("networkidle")
        if (extra := overflow(page)) > 0:
            wide[path] = extra
    assert wide == {}, f"pages wider than 390 px (extra px): {wide}"


def test_the_plan_table_scrolls_in_its_own_area(demo, login_as):
    page = login_as("censec-secretariat")
    page.set_viewport_size(PHONE)
    page.goto(f"/activities/censec/{timezone.localdate().year}/")
    table = page.get_by_test_id("activity-table")
    area = table.locator("xpath=..")
    assert "table-responsive" in area.get_attribute("class")
    assert table.evaluate("t => t.scrollWidth") > area.evaluate("a => a.clientWidth")  # the table is wider than the screen…
    assert overflow(page) == 0  # …but only its area scrolls

"""A director logs this month's contact with the other director, and the dashboard turns the month green."""

import datetime as dt

import pytest
from django.utils import timezone

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_director_logs_a_contact_and_the_month_turns_green(demo_users, login_as):
    page = login_as("censec-director")
    month = page.locator("[data-testid=contact-month]")
    assert month.get_attribute("data-status") == "open"
    page.click("[data-testid=dashboard-log-contact]")
    when = timezone.localtime() - dt.timedelta(minutes=1)
    page.fill("#id_occurred_at", when.strftime("%Y-%m-%dT%H:%M"))
    page.select_option("#id_form", "video")
    for username in ("censec-director", "difos-director"):
        page.check(f"input[name=participants][value='{demo_users[username].pk}']")
    page.get_by_label("2. Klyngesamarbejdet, herunder innovation").check()  # a §4 topic: without one it does not count
    page.fill("#id_decisions", "Fælles stand på messen i marts")
    page.fill("#id_items-0-text", "Book stand")
    page.select_option("#id_items-0-owner", str(demo_users["difos-director"].pk))
    page.fill("#id_items-0-due_on", (when.date() + dt.timedelta(days=14)).isoformat())
    page.click("[data-testid=contact-form] button[type=submit]")
    page.wait_for_load_state()
    assert "Tæller med i månedsreglen" in page.locator("[data-testid=contact-counts]").inner_text()
    page.goto("/")
    month = page.locator("[data-testid=contact-month]")
    assert month.get_attribute("data-status") == "kept"
    assert "month-kept" in month.get_attribute("class")
    cell = page.locator(f"[data-testid=contact-strip] [data-month='{when:%Y-%m}']")
    assert cell.get_attribute("data-status") == "kept"


def test_the_contact_form_asks_for_the_4_topics_and_says_why_a_contact_does_not_count(demo_users, login_as):
    """Both directors, no §4 topic: saved, and the page says why it does not count; ticking a topic makes it count."""
    from agreement.models import TaskArea

    page = login_as("difos-director")
    page.goto("/governance/contacts/new/")
    topics = page.locator("input[name=task_areas]")
    assert topics.count() == TaskArea.objects.count() == 5
    assert page.locator("[data-testid=agenda-proposal]").is_visible()
    assert page.locator("#id_agenda").input_value().strip() != ""
    when = timezone.localtime() - dt.timedelta(minutes=5)
    page.fill("#id_occurred_at", when.strftime("%Y-%m-%dT%H:%M"))
    for username in ("censec-director", "difos-director"):
        page.check(f"input[name=participants][value='{demo_users[username].pk}']")
    page.click("[data-testid=contact-form] button[type=submit]")
    page.wait_for_load_state()
    assert "Tæller ikke med i månedsreglen" in page.locator("[data-testid=contact-counts]").inner_text()
    assert "ingen af emnerne i pkt. 4 blev drøftet" in page.locator("[data-testid=contact-shortfalls]").inner_text()
    page.click("text=Ret")
    page.wait_for_load_state()
    political = TaskArea.objects.get(slug="political")
    page.check(f"input[name=task_areas][value='{political.pk}']")
    page.click("[data-testid=contact-form] button[type=submit]")
    page.wait_for_load_state()
    assert "Tæller med i månedsreglen" in page.locator("[data-testid=contact-counts]").inner_text()
    assert page.locator("[data-testid=contact-shortfalls]").count() == 0

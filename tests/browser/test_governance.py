"""DI FOS's observer opens next week's CenSec board meeting and downloads the materials (§3 G2)."""

import zipfile

import pytest

from governance import demo
from governance.models import AgendaItem, Material

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def seeded(demo_users):
    demo.seed(users=demo_users)
    return demo_users


def test_the_difos_observer_downloads_the_meeting_without_the_personnel_item(seeded, login_as, tmp_path):
    personnel = AgendaItem.objects.get(confidentiality="personnel", meeting__title="Bestyrelsesmøde i CenSec")
    secretariat = AgendaItem.objects.get(confidentiality="internal_secretariat", meeting=personnel.meeting)
    page = login_as("difos-observer")
    assert page.url.endswith("/governance/meetings/")
    page.locator("[data-testid=upcoming-meetings]").get_by_role("link", name="Bestyrelsesmøde i CenSec").click()
    page.wait_for_load_state()
    body = page.locator("body").inner_text()
    assert "Aktivitetsplan 2027" in body
    for hidden in (personnel, secretariat):
        assert hidden.title not in body
        assert hidden.title not in page.content()

    with page.expect_download() as info:
        page.get_by_test_id("zip-link").click()
    path = tmp_path / "materials.zip"
    info.value.save_as(path)
    names = zipfile.ZipFile(path).namelist()
    assert any("Aktivitetsplan" in n for n in names)
    for material in Material.objects.filter(agenda_item__in=[personnel, secretariat]):
        assert not any(material.current.original_name in n for n in names)
    assert len(names) == 2

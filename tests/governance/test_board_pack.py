"""The board pack (issue 12): drafts, publishing, who is told (once), new versions, withdrawal, marks of what
is new since the last visit, minutes approved by the chair, and the migration that published what existed."""

import io
import zipfile
from datetime import timedelta

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from governance import demo, publishing, services
from governance.models import (
    Board,
    Confidentiality,
    Material,
    MaterialEvent,
    MeetingKind,
    MeetingVisit,
    MinutesApproval,
    Person,
)
from portal import permissions
from portal.models import Notification
from portal.notifications import deliver_pending

from .conftest import CATEGORIES, pdf_upload


class Pack:
    """A CenSec meeting with one draft per category and one on the meeting as a whole."""

    def __init__(self, meeting, materials):
        self.meeting = meeting
        self.materials = materials  # category (or "whole") → Material

    @property
    def url(self):
        return f"/governance/meetings/{self.meeting.pk}/"

    def refresh(self):
        for material in self.materials.values():
            material.refresh_from_db()


@pytest.fixture
def pack(demo_users, difos_member):
    demo.seed(users=demo_users)
    board = Board.objects.get(organisation__slug="censec")
    start = timezone.now() + timedelta(days=5)
    meeting = services.meeting_create(
        board=board, kind=MeetingKind.BOARD_MEETING, title="Pack meeting", starts_at=start, ends_at=start + timedelta(hours=2)
    )
    secretariat = demo_users["censec-secretariat"]
    materials = {}
    for category in CATEGORIES:
        item = services.agenda_item_create(meeting=meeting, title=f"Item {category}", confidentiality=category)
        materials[category] = services.material_upload(
            user=secretariat, upload=pdf_upload(f"pack-{category}.pdf"), meeting=meeting, title=f"Quokka {category}", agenda_item=item
        )
    materials["whole"] = services.material_upload(
        user=secretariat, upload=pdf_upload("pack-whole.pdf"), meeting=meeting, title="Quokka whole"
    )
    Notification.objects.all().delete()  # whatever the demo told; this test counts the board pack's own
    mail.outbox.clear()
    return Pack(meeting, materials)


def told(user, kind="board_pack"):
    return sorted(Notification.objects.filter(recipient=user, kind=kind).values_list("key", flat=True))


def key(material):
    material.refresh_from_db()
    return f"material-version:{material.current_id}"


def zip_names(client, pack):
    response = client.get(f"/governance/meetings/{pack.meeting.pk}/materials.zip")
    assert response.status_code == 200
    return {n.split(" - ", 1)[1] for n in zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content))).namelist()}


# --- drafts ---------------------------------------------------------------------------------------


def test_a_new_material_is_a_draft_the_secretariat_sees_marked(pack, client_for, censec_secretariat):
    assert {m.state for m in pack.materials.values()} == {Material.State.DRAFT}
    client = client_for(censec_secretariat)
    html = client.get(pack.url).content.decode()
    assert all(m.title in html for m in pack.materials.values())
    assert html.count('data-testid="pack-state"') == 4 and 'data-testid="pack-drafts"' in html
    assert client.get(f"/governance/materials/{pack.materials['ordinary'].pk}/download/").status_code == 200
    assert "pack-ordinary.pdf" in zip_names(client, pack)


@pytest.mark.parametrize("persona", ["censec_board", "difos_observer"])
def test_a_draft_is_invisible_to_members_and_observers(request, pack, client_for, persona):
    client = client_for(request.getfixturevalue(persona))
    html = client.get(pack.url).content.decode()
    assert "Quokka" not in html and 'data-testid="pack-drafts"' not in html
    for material in pack.materials.values():
        assert client.get(f"/governance/materials/{material.pk}/download/").status_code == 404
        assert client.get(f"/governance/materials/{material.pk}/versions/1/download/").status_code == 404
    assert zip_names(client, pack) == set()
    results = client.get("/governance/meetings/", {"q": "Quokka"}).content.decode().split('data-testid="search-results"', 1)[1]
    assert not any(m.title in results for m in pack.materials.values())
    publishing.meeting_publish(user=request.getfixturevalue("censec_secretariat"), meeting=pack.meeting)
    assert client.get(f"/governance/materials/{pack.materials['ordinary'].pk}/download/").status_code == 200
    assert "Quokka ordinary" in client.get(pack.url).content.decode()


# --- publishing and who is told -------------------------------------------------------------------


def test_publishing_tells_each_allowed_reader_once_and_no_one_else(
    pack, demo_users, difos_member, censec_secretariat, django_capture_on_commit_callbacks
):
    published = publishing.meeting_publish(user=censec_secretariat, meeting=pack.meeting)
    assert len(published) == 4
    board, observer = demo_users["censec-board"], demo_users["difos-observer"]
    everything = sorted(key(m) for m in pack.materials.values())
    ordinary = sorted([key(pack.materials["ordinary"]), key(pack.materials["whole"])])
    assert told(board) == everything
    # CenSec's observer on DI FOS's board sits on CenSec's own board (§3.2: a board representative), so hears of all.
    assert told(demo_users["censec-observer"]) == everything
    # §3 G2: the observer hears of nothing on a personnel or internal secretariat item.
    assert told(observer) == ordinary
    for other in ("censec-secretariat", "difos-secretariat", "censec-director", "difos-director", "admin"):
        assert told(demo_users[other]) == [], other
    assert told(difos_member) == []  # a member of the other board
    # Once: publishing again, or a double click, tells nobody anything more.
    assert publishing.meeting_publish(user=censec_secretariat, meeting=pack.meeting) == []
    assert publishing.materials_publish(user=censec_secretariat, materials=list(pack.materials.values())) == []
    assert Notification.objects.filter(kind="board_pack").count() == 10  # 4 + 4 (the two board members) + 2 (the observer)
    # One email per person for the whole publishing, and the observer's names nothing confidential.
    deliver_pending()
    by_recipient = {m.to[0]: m for m in mail.outbox}
    members = [board.email, demo_users["censec-observer"].email, observer.email]
    assert sorted(by_recipient) == sorted(members) and len(mail.outbox) == 3
    observers_mail = by_recipient[observer.email].body + by_recipient[observer.email].alternatives[0][0]
    assert "Quokka ordinary" in observers_mail and "Quokka whole" in observers_mail
    assert "Quokka personnel" not in observers_mail and "Quokka internal" not in observers_mail
    assert "Quokka personnel" in by_recipient[board.email].body


def test_the_readers_rule_is_the_download_rule(pack, demo_users, difos_member, censec_secretariat):
    publishing.meeting_publish(user=censec_secretariat, meeting=pack.meeting, tell=False)
    pack.refresh()
    readers = permissions.materials_readers(list(Material.objects.filter(meeting=pack.meeting).select_related("meeting")))
    for material in pack.materials.values():
        for user in [*demo_users.values(), difos_member]:
            may_download = permissions.visible_materials(user).filter(pk=material.pk).exists()
            is_reader = user in readers[material.pk]
            if permissions.may_manage_board(user, pack.meeting.board):
                assert not is_reader, (user, material)  # the secretariat and administrators publish; they hold no seat
            else:
                assert is_reader == may_download, (user, material)
    assert {u.username for u in readers[pack.materials["personnel"].pk]} == {"censec-board", "censec-observer"}
    assert {u.username for u in readers[pack.materials["ordinary"].pk]} == {"censec-board", "censec-observer", "difos-observer"}


def test_publishing_one_draft_from_the_page(pack, client_for, censec_secretariat, demo_users):
    material = pack.materials["ordinary"]
    response = client_for(censec_secretariat).post(f"/governance/materials/{material.pk}/publish/")
    assert response.status_code == 302 and response["Location"].endswith(f"#material-{material.pk}")
    material.refresh_from_db()
    assert material.state == Material.State.PUBLISHED
    assert told(demo_users["difos-observer"]) == [key(material)]
    assert Material.objects.filter(meeting=pack.meeting, state=Material.State.DRAFT).count() == 3
    [event] = MaterialEvent.objects.filter(material=material)
    assert (event.kind, event.by) == (MaterialEvent.Kind.PUBLISHED, censec_secretariat)


@pytest.mark.parametrize("persona, status", [("censec_board", 403), ("difos_observer", 403), ("difos_secretariat", 404)])
def test_only_the_boards_secretariat_publishes(request, pack, client_for, persona, status):
    client = client_for(request.getfixturevalue(persona))
    assert client.post(f"/governance/meetings/{pack.meeting.pk}/publish/").status_code == status
    publishing.materials_publish(user=request.getfixturevalue("censec_secretariat"), materials=[pack.materials["ordinary"]], tell=False)
    assert client.post(f"/governance/materials/{pack.materials['ordinary'].pk}/withdraw/").status_code == status
    assert Material.objects.filter(meeting=pack.meeting, state=Material.State.DRAFT).count() == 3
    assert Material.objects.get(pk=pack.materials["ordinary"].pk).state == Material.State.PUBLISHED


def test_the_meeting_publish_button_refuses_a_member_with_a_reason(pack, client_for, censec_board):
    response = client_for(censec_board).post(f"/governance/meetings/{pack.meeting.pk}/publish/")
    assert response.status_code == 403
    assert "Kun sekretariatet i CenSec" in response.content.decode()
    assert not Material.objects.filter(meeting=pack.meeting).exclude(state=Material.State.DRAFT).exists()


# --- new versions -------------------------------------------------------------------------------


def test_a_new_version_of_a_published_material_tells_its_readers_once(pack, client_for, censec_secretariat, demo_users):
    publishing.meeting_publish(user=censec_secretariat, meeting=pack.meeting)
    board, observer = demo_users["censec-board"], demo_users["difos-observer"]
    material = pack.materials["ordinary"]
    first = key(material)
    response = client_for(censec_secretariat).post(
        f"/governance/materials/{material.pk}/new-version/", {"file": SimpleUploadedFile("v2.pdf", demo.minimal_pdf("v2"))}
    )
    assert response.status_code == 302
    second = key(material)
    assert second != first
    assert second in told(board) and second in told(observer)
    assert Notification.objects.get(recipient=observer, key=second).subject.startswith("Ny version")
    # Telling again about the same version adds nothing.
    material.refresh_from_db()
    publishing.version_added(material=material, version=material.current)
    assert Notification.objects.filter(key=second).count() == 3  # the two board members and the observer
    # A new version of a confidential item is not told to the observer.
    personnel = pack.materials["personnel"]
    services.material_upload(user=censec_secretariat, upload=pdf_upload("p2.pdf"), meeting=pack.meeting, title="", material=personnel)
    assert key(personnel) in told(board) and key(personnel) not in told(observer)


def test_a_new_version_of_a_draft_tells_nobody_and_stays_a_draft(pack, censec_secretariat):
    material = services.material_upload(
        user=censec_secretariat, upload=pdf_upload("v2.pdf"), meeting=pack.meeting, title="", material=pack.materials["ordinary"]
    )
    material.refresh_from_db()
    assert material.state == Material.State.DRAFT and material.current.number == 2
    assert not Notification.objects.filter(kind="board_pack").exists()
    publishing.materials_publish(user=censec_secretariat, materials=[material])
    assert set(Notification.objects.values_list("key", flat=True)) == {f"material-version:{material.current_id}"}


# --- withdraw and restore -------------------------------------------------------------------------


def test_withdraw_and_restore_with_history(pack, client_for, censec_secretariat, censec_board, difos_observer):
    publishing.meeting_publish(user=censec_secretariat, meeting=pack.meeting)
    material = pack.materials["ordinary"]
    secretariat = client_for(censec_secretariat)
    response = secretariat.post(f"/governance/materials/{material.pk}/withdraw/", {"reason": "Wrong figures"})
    assert response.status_code == 302
    material.refresh_from_db()
    assert material.state == Material.State.WITHDRAWN
    for reader in (censec_board, difos_observer):
        client = client_for(reader)
        assert client.get(f"/governance/materials/{material.pk}/download/").status_code == 404
        assert "pack-ordinary.pdf" not in zip_names(client, pack)
        assert "Quokka ordinary" not in client.get(pack.url).content.decode()
    client = client_for(censec_secretariat)
    html = client.get(pack.url).content.decode()
    assert "Quokka ordinary" in html and "Wrong figures" in html and 'data-testid="pack-history"' in html
    assert "pack-ordinary.pdf" not in zip_names(client, pack)  # never in the zip, not even the secretariat's
    before = Notification.objects.filter(kind="board_pack").count()
    assert client.post(f"/governance/materials/{material.pk}/restore/").status_code == 302
    material.refresh_from_db()
    assert material.state == Material.State.PUBLISHED
    assert client_for(difos_observer).get(f"/governance/materials/{material.pk}/download/").status_code == 200
    assert Notification.objects.filter(kind="board_pack").count() == before  # the same version: told already
    kinds = list(MaterialEvent.objects.filter(material=material).values_list("kind", "by__username"))
    assert kinds == [("published", "censec-secretariat"), ("withdrawn", "censec-secretariat"), ("restored", "censec-secretariat")]
    # A second withdrawal of a restored-then-withdrawn material is a message, never a 500.
    publishing.material_withdraw(user=censec_secretariat, material=material)
    response = client_for(censec_secretariat).post(f"/governance/materials/{material.pk}/withdraw/", follow=True)
    assert response.status_code == 200 and "Kun et offentliggjort materiale" in response.content.decode()


def test_a_draft_cannot_be_withdrawn_nor_a_published_one_restored(pack, censec_secretariat):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        publishing.material_withdraw(user=censec_secretariat, material=pack.materials["ordinary"])
    publishing.meeting_publish(user=censec_secretariat, meeting=pack.meeting, tell=False)
    with pytest.raises(ValidationError):
        publishing.material_restore(user=censec_secretariat, material=pack.materials["ordinary"])


# --- new since the last visit ---------------------------------------------------------------------


def marks(client, pack):
    html = client.get(pack.url).content.decode()
    found = {}
    for name, material in pack.materials.items():
        part = html.split(f'id="material-{material.pk}"', 1)
        if len(part) == 2:
            chunk = part[1].split('data-testid="material"', 1)[0]
            found[name] = "new" if 'data-mark="new"' in chunk else "changed" if 'data-mark="changed"' in chunk else ""
    return found


def visit_writes(client, pack):
    with CaptureQueriesContext(connection) as queries:
        client.get(pack.url)
    return [q["sql"] for q in queries if "governance_meetingvisit" in q["sql"] and not q["sql"].lstrip().upper().startswith("SELECT")]


def test_the_meeting_page_marks_what_is_new_or_changed_since_the_last_visit(pack, client_for, censec_secretariat, censec_board):
    publishing.materials_publish(user=censec_secretariat, materials=[pack.materials["ordinary"], pack.materials["whole"]])
    client = client_for(censec_board)
    assert marks(client, pack) == {"ordinary": "new", "whole": "new"}  # the first visit: all is new
    assert MeetingVisit.objects.filter(user=censec_board, meeting=pack.meeting).count() == 1
    assert marks(client, pack) == {"ordinary": "", "whole": ""}
    assert visit_writes(client, pack) == []  # nothing changed: opening it again writes nothing
    services.material_upload(
        user=censec_secretariat, upload=pdf_upload("v2.pdf"), meeting=pack.meeting, title="", material=pack.materials["ordinary"]
    )
    publishing.materials_publish(user=censec_secretariat, materials=[pack.materials["personnel"]])
    assert marks(client, pack) == {"ordinary": "changed", "whole": "", "personnel": "new"}
    assert marks(client, pack) == {"ordinary": "", "whole": "", "personnel": ""}
    assert MeetingVisit.objects.filter(user=censec_board, meeting=pack.meeting).count() == 1
    # Another person's visits are their own.
    other = client_for(censec_secretariat)
    assert set(marks(other, pack).values()) == {"new", ""} and marks(other, pack)["ordinary"] == ""


# --- minutes ------------------------------------------------------------------------------------


@pytest.fixture
def minutes(pack, censec_secretariat):
    material = services.material_upload(
        user=censec_secretariat, upload=pdf_upload("referat.pdf"), meeting=pack.meeting, title="Referat", kind=Material.Kind.MINUTES
    )
    publishing.materials_publish(user=censec_secretariat, materials=[material], tell=False)
    material.refresh_from_db()
    return material


@pytest.fixture
def chair(demo_users, django_user_model):
    """The chair of CenSec's board (Birgitte Nørgaard in the demo), given a portal user."""
    user = django_user_model.objects.create_user("censec-chair", email="chair@censec.example", password="x")
    person = Person.objects.get(name="Birgitte Nørgaard")
    person.user = user
    person.save()
    services.seats_sync()  # her current seat now gives its access
    return user


@pytest.mark.parametrize("persona", ["censec_board", "censec_secretariat", "admin_user", "difos_observer"])
def test_only_the_chair_approves_the_minutes(request, pack, minutes, chair, client_for, persona):
    client = client_for(request.getfixturevalue(persona))
    response = client.post(f"/governance/materials/{minutes.pk}/approve/")
    assert response.status_code == 403
    assert "Birgitte Nørgaard" in response.content.decode() and "formand" in response.content.decode()
    assert not MinutesApproval.objects.exists()
    assert "Endnu ikke godkendt" in client.get(pack.url).content.decode()


def test_the_chair_approves_the_minutes_and_the_page_says_who_and_when(pack, minutes, chair, client_for, censec_secretariat):
    client = client_for(chair)
    assert 'name="approve"' in client.get(pack.url).content.decode()
    assert client.post(f"/governance/materials/{minutes.pk}/approve/").status_code == 302
    assert client.post(f"/governance/materials/{minutes.pk}/approve/").status_code == 302  # twice: still one approval
    approval = MinutesApproval.objects.get()
    assert (approval.version_id, approval.approved_by, approval.approved_by_name) == (minutes.current_id, chair, "Birgitte Nørgaard")
    html = client_for(censec_secretariat).get(pack.url).content.decode()
    assert "Godkendt" in html and "Birgitte Nørgaard" in html
    # A new version of the minutes waits for the chair again.
    services.material_upload(user=censec_secretariat, upload=pdf_upload("referat2.pdf"), meeting=pack.meeting, title="", material=minutes)
    assert "Endnu ikke godkendt" in client_for(censec_secretariat).get(pack.url).content.decode()


def test_a_chair_whose_seat_ended_may_not_approve(pack, minutes, chair, client_for):
    seat = Person.objects.get(user=chair).seats.get(board__organisation__slug="censec")
    services.seat_end(seat=seat)
    assert not permissions.may_approve_minutes(chair, minutes)
    assert client_for(chair).post(f"/governance/materials/{minutes.pk}/approve/").status_code == 404  # no longer a reader


def test_a_material_that_is_not_minutes_is_not_approved(pack, chair, censec_secretariat, client_for):
    material = pack.materials["ordinary"]
    publishing.materials_publish(user=censec_secretariat, materials=[material], tell=False)
    assert client_for(chair).post(f"/governance/materials/{material.pk}/approve/").status_code == 403
    assert not MinutesApproval.objects.exists()


def test_the_demo_minutes_wait_for_a_chair_without_a_login(demo_users, client_for, censec_secretariat):
    demo.seed(users=demo_users)
    minutes = Material.objects.get(kind=Material.Kind.MINUTES, meeting__board__organisation__slug="censec")
    assert minutes.state == Material.State.PUBLISHED
    html = client_for(censec_secretariat).get(f"/governance/meetings/{minutes.meeting_id}/").content.decode()
    assert "Endnu ikke godkendt" in html and "Birgitte Nørgaard" in html and "ingen portalbruger" in html


# --- the migration ------------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_the_migration_publishes_the_materials_that_existed():
    from django.db.migrations.executor import MigrationExecutor

    # The schema just before the data migration; the other branches' migrations beside it stay applied
    # (the meeting's invitation sequence among them), as they would on a database being upgraded.
    before = [("governance", "0003_board_pack"), ("governance", "0003_meeting_sequence_cancel_attendance"),
              ("governance", "0003_board_composition")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    executor.loader.build_graph()
    old = executor.loader.project_state(before).apps
    try:
        User = old.get_model("portal", "User")
        Organisation = old.get_model("agreement", "Organisation")
        OldBoard = old.get_model("governance", "Board")
        OldMeeting = old.get_model("governance", "Meeting")
        OldMaterial = old.get_model("governance", "Material")
        OldVersion = old.get_model("governance", "MaterialVersion")
        user = User.objects.create(username="uploader")
        org = Organisation.objects.create(slug="censec", name="CenSec", short_name="CenSec")
        board = OldBoard.objects.create(organisation=org, name="Bestyrelse")
        start = timezone.now()
        meeting = OldMeeting.objects.create(board=board, title="Old", starts_at=start, ends_at=start + timedelta(hours=1))
        material = OldMaterial.objects.create(meeting=meeting, title="Old material")
        version = OldVersion.objects.create(
            material=material, number=1, file="materials/x.pdf", original_name="x.pdf", content_type="application/pdf",
            size=1, sha256="0" * 64, uploaded_by=user,
        )
        material.current = version
        material.save()
        empty = OldMaterial.objects.create(meeting=meeting, title="No file yet")
        assert OldMaterial.objects.get(pk=material.pk).state == "draft"
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
    migrated = Material.objects.get(pk=material.pk)
    assert migrated.state == Material.State.PUBLISHED
    assert migrated.published_at == migrated.created_at and migrated.changed_at >= migrated.created_at
    [event] = MaterialEvent.objects.filter(material=migrated)
    assert (event.kind, event.by.username, event.version_id) == (MaterialEvent.Kind.PUBLISHED, "uploader", version.pk)
    assert Material.objects.get(pk=empty.pk).state == Material.State.PUBLISHED
    # Readers see it as before the board pack existed: no draft is left behind.
    assert not Material.objects.filter(state=Material.State.DRAFT).exists()


def test_the_admin_publishes_through_the_same_service(pack, client_for, admin_user, demo_users):
    material = pack.materials["ordinary"]
    response = client_for(admin_user).post(
        "/admin/governance/material/", {"action": "publish_materials", "_selected_action": [material.pk]}, follow=True
    )
    assert response.status_code == 200
    material.refresh_from_db()
    assert material.state == Material.State.PUBLISHED
    assert told(demo_users["difos-observer"]) == [key(material)]
    assert MaterialEvent.objects.get(material=material).by == admin_user


def test_readers_gained_later_are_told_and_nobody_twice(pack, censec_secretariat, demo_users):
    publishing.meeting_publish(user=censec_secretariat, meeting=pack.meeting)
    personnel = pack.materials["personnel"]
    observer = demo_users["difos-observer"]
    assert key(personnel) not in told(observer)
    personnel.agenda_item.confidentiality = Confidentiality.ORDINARY  # the item's category changed (the agenda editing)
    personnel.agenda_item.save()
    assert publishing.tell_new_readers(materials=[personnel]) == 1
    assert key(personnel) in told(observer)
    assert publishing.tell_new_readers(materials=list(pack.materials.values())) == 0

"""Running meetings from the browser (issue 12): create, change, move, cancel; the agenda; category changes (§3 G2)."""

import html
from datetime import timedelta

import pytest
from django.utils import timezone

from governance import demo, publishing, services
from governance.models import AgendaItem, Confidentiality, Meeting, MeetingKind
from portal.once import new_token

from .conftest import pdf_upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(demo_users):
    demo.seed(users=demo_users)
    return demo_users


@pytest.fixture
def censec_meeting(seeded):
    return Meeting.objects.get(title="Bestyrelsesmøde i CenSec")


def _local(dt):
    return timezone.localtime(dt).strftime("%Y-%m-%dT%H:%M")


def meeting_post(board, token=None, **extra):
    start = timezone.now() + timedelta(days=30)
    data = {
        "board": board.pk, "kind": MeetingKind.STRATEGY_SEMINAR, "title": "Strategiseminar 2028",
        "starts_at": _local(start), "ends_at": _local(start + timedelta(hours=6)), "place": "Billund",
        "once": token or new_token(),
    }
    data.update(extra)
    return data


def test_the_secretariat_creates_a_strategy_seminar(client_for, censec_secretariat, seeded):
    board = services.board_ensure(organisation=censec_secretariat.roles.first().organisation)
    client = client_for(censec_secretariat)
    assert 'name="once"' in client.get("/governance/meetings/new/").content.decode()
    response = client.post("/governance/meetings/new/", meeting_post(board))
    meeting = Meeting.objects.get(title="Strategiseminar 2028")
    assert response.status_code == 302 and response["Location"] == f"/governance/meetings/{meeting.pk}/"
    assert meeting.kind == MeetingKind.STRATEGY_SEMINAR and meeting.sequence == 0 and meeting.cancelled_at is None


def test_five_identical_posts_make_one_meeting(client_for, censec_secretariat, seeded):
    board = services.board_ensure(organisation=censec_secretariat.roles.first().organisation)
    client = client_for(censec_secretariat)
    data = meeting_post(board)
    locations = {client.post("/governance/meetings/new/", data)["Location"] for _ in range(5)}
    assert Meeting.objects.filter(title="Strategiseminar 2028").count() == 1
    assert locations == {f"/governance/meetings/{Meeting.objects.get(title='Strategiseminar 2028').pk}/"}


def test_a_meeting_that_ends_before_it_starts_is_a_form_error(client_for, censec_secretariat, seeded):
    board = services.board_ensure(organisation=censec_secretariat.roles.first().organisation)
    data = meeting_post(board)
    data["ends_at"] = data["starts_at"]
    response = client_for(censec_secretariat).post("/governance/meetings/new/", data)
    assert response.status_code == 400
    assert not Meeting.objects.filter(title="Strategiseminar 2028").exists()


def test_the_other_partys_secretariat_cannot_create_on_censecs_board(client_for, difos_secretariat, seeded, censec_meeting):
    response = client_for(difos_secretariat).post("/governance/meetings/new/", meeting_post(censec_meeting.board))
    assert response.status_code == 400  # CenSec's board is not a choice for DI FOS's secretariat
    assert not Meeting.objects.filter(title="Strategiseminar 2028").exists()


def test_moving_a_meeting_raises_its_sequence_and_keeps_history(client_for, censec_secretariat, censec_meeting):
    client = client_for(censec_secretariat)
    assert client.get(f"/governance/meetings/{censec_meeting.pk}/edit/").status_code == 200
    new_start = censec_meeting.starts_at + timedelta(days=1)
    response = client.post(f"/governance/meetings/{censec_meeting.pk}/edit/", {
        "kind": censec_meeting.kind, "title": censec_meeting.title, "starts_at": _local(new_start),
        "ends_at": _local(new_start + timedelta(hours=3)), "place": "Herning",
    })
    assert response.status_code == 302
    censec_meeting.refresh_from_db()
    assert censec_meeting.place == "Herning" and censec_meeting.starts_at == new_start and censec_meeting.sequence == 1
    assert censec_meeting.history.count() >= 2
    page = client.get(f"/governance/meetings/{censec_meeting.pk}/").content.decode()
    assert "Herning" in page and 'data-testid="meeting-history"' in page


def test_saving_without_a_change_sends_nothing_new(client_for, censec_secretariat, censec_meeting):
    client = client_for(censec_secretariat)
    client.post(f"/governance/meetings/{censec_meeting.pk}/edit/", {
        "kind": censec_meeting.kind, "title": censec_meeting.title, "starts_at": _local(censec_meeting.starts_at),
        "ends_at": _local(censec_meeting.ends_at), "place": censec_meeting.place,
    })
    censec_meeting.refresh_from_db()
    assert censec_meeting.sequence == 0


def test_only_the_boards_secretariat_edits_or_cancels(client_for, difos_secretariat, censec_board, difos_observer, censec_meeting):
    for user in (difos_secretariat, censec_board, difos_observer):
        client = client_for(user)
        assert client.get(f"/governance/meetings/{censec_meeting.pk}/edit/").status_code in (403, 404)
        assert client.post(f"/governance/meetings/{censec_meeting.pk}/cancel/").status_code in (403, 404)
    censec_meeting.refresh_from_db()
    assert censec_meeting.cancelled_at is None


def test_a_cancelled_meeting_stays_listed_marked_and_cannot_be_moved(client_for, censec_secretariat, difos_observer, censec_meeting):
    client = client_for(censec_secretariat)
    assert client.post(f"/governance/meetings/{censec_meeting.pk}/cancel/").status_code == 302
    censec_meeting.refresh_from_db()
    assert censec_meeting.cancelled_at is not None and censec_meeting.sequence == 1
    # a second cancel changes nothing
    client.post(f"/governance/meetings/{censec_meeting.pk}/cancel/")
    censec_meeting.refresh_from_db()
    assert censec_meeting.sequence == 1
    assert client.get(f"/governance/meetings/{censec_meeting.pk}/edit/").status_code == 302
    listing = client_for(difos_observer).get("/governance/meetings/").content.decode()
    assert censec_meeting.title in listing and 'data-testid="cancelled-badge"' in listing
    page = client_for(difos_observer).get(f"/governance/meetings/{censec_meeting.pk}/").content.decode()
    assert 'data-testid="meeting-cancelled"' in page


# --- the agenda -------------------------------------------------------------------------------------


def item_post(title, token=None, confidentiality=Confidentiality.ORDINARY):
    return {"title": title, "description": "", "confidentiality": confidentiality, "once": token or new_token()}


def test_a_double_submitted_agenda_item_makes_one_row(client_for, censec_secretariat, censec_meeting):
    client = client_for(censec_secretariat)
    before = censec_meeting.items.count()
    data = item_post("Eksportkontrol")
    for _ in range(5):
        assert client.post(f"/governance/meetings/{censec_meeting.pk}/items/", data).status_code == 302
    assert censec_meeting.items.count() == before + 1
    assert censec_meeting.items.get(title="Eksportkontrol").position == before + 1


def test_an_agenda_post_without_a_token_is_refused_with_a_message(client_for, censec_secretariat, censec_meeting):
    before = censec_meeting.items.count()
    data = item_post("Eksportkontrol")
    del data["once"]
    response = client_for(censec_secretariat).post(f"/governance/meetings/{censec_meeting.pk}/items/", data)
    assert response.status_code == 400 and censec_meeting.items.count() == before


def test_items_move_up_and_down_and_removal_renumbers(client_for, censec_secretariat, censec_meeting):
    client = client_for(censec_secretariat)
    for title in ("A-punkt", "B-punkt"):
        client.post(f"/governance/meetings/{censec_meeting.pk}/items/", item_post(title))
    a, b = (AgendaItem.objects.get(title=t) for t in ("A-punkt", "B-punkt"))
    client.post(f"/governance/items/{b.pk}/move/", {"direction": "up"})
    a.refresh_from_db(), b.refresh_from_db()
    assert b.position == a.position - 1
    client.post(f"/governance/items/{b.pk}/move/", {"direction": "down"})
    a.refresh_from_db(), b.refresh_from_db()
    assert a.position == b.position - 1
    first = censec_meeting.items.order_by("position").first()
    client.post(f"/governance/items/{first.pk}/move/", {"direction": "up"})  # first stays first
    first.refresh_from_db()
    assert first.position == 1
    count = censec_meeting.items.count()
    client.post(f"/governance/items/{a.pk}/remove/")
    assert not AgendaItem.objects.filter(pk=a.pk).exists()
    assert list(censec_meeting.items.order_by("position").values_list("position", flat=True)) == list(range(1, count))


def test_an_item_with_materials_is_not_removed(client_for, censec_secretariat, censec_meeting):
    item = censec_meeting.items.filter(materials__isnull=False).first()
    response = client_for(censec_secretariat).post(f"/governance/items/{item.pk}/remove/", follow=True)
    assert AgendaItem.objects.filter(pk=item.pk).exists()
    assert "withdraw" in response.content.decode() or "tilbage" in response.content.decode()


def test_editing_an_item_title_saves_and_keeps_history(client_for, censec_secretariat, censec_meeting):
    item = censec_meeting.items.filter(confidentiality=Confidentiality.ORDINARY).first()
    client = client_for(censec_secretariat)
    assert client.get(f"/governance/items/{item.pk}/edit/").status_code == 200
    response = client.post(f"/governance/items/{item.pk}/edit/", {"title": "Nyt navn", "description": "", "confidentiality": "ordinary"})
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.title == "Nyt navn" and item.history.count() >= 2


def test_the_observer_cannot_edit_move_or_remove_items(client_for, difos_observer, censec_board, censec_meeting):
    item = censec_meeting.items.filter(confidentiality=Confidentiality.ORDINARY).first()
    for user in (difos_observer, censec_board):
        client = client_for(user)
        assert client.get(f"/governance/items/{item.pk}/edit/").status_code == 403
        assert client.post(f"/governance/items/{item.pk}/move/", {"direction": "down"}).status_code == 403
        assert client.post(f"/governance/items/{item.pk}/remove/").status_code == 403


# --- category changes -----------------------------------------------------------------------------


def test_a_category_change_warns_what_the_observer_loses_and_takes_effect_at_once(
    client_for, censec_secretariat, difos_observer, censec_meeting
):
    item = censec_meeting.items.filter(confidentiality=Confidentiality.ORDINARY, materials__isnull=False).first()
    extra = services.material_upload(
        user=censec_secretariat, upload=pdf_upload("extra.pdf"), meeting=censec_meeting, title="Bilag 2", agenda_item=item,
    )
    services.material_upload(  # a draft: no observer sees it, so the warning does not count it
        user=censec_secretariat, upload=pdf_upload("draft.pdf"), meeting=censec_meeting, title="Kladde", agenda_item=item,
    )
    publishing.materials_publish(user=censec_secretariat, materials=[extra])
    material = extra
    assert item.materials.count() == 3
    observer = client_for(difos_observer)
    assert observer.get(f"/governance/materials/{material.pk}/download/").status_code == 200

    client = client_for(censec_secretariat)
    data = {"title": item.title, "description": item.description, "confidentiality": Confidentiality.PERSONNEL}
    client.cookies["django_language"] = "en"
    response = client.post(f"/governance/items/{item.pk}/edit/", data)
    assert response.status_code == 200
    page = html.unescape(response.content.decode())
    assert 'data-testid="category-warning"' in page
    assert "DI FOS' observer" in page and "will no longer see this item and its 2 materials" in page
    item.refresh_from_db()
    assert item.confidentiality == Confidentiality.ORDINARY  # not saved yet
    assert client_for(difos_observer).get(f"/governance/materials/{material.pk}/download/").status_code == 200

    client = client_for(censec_secretariat)
    response = client.post(f"/governance/items/{item.pk}/edit/", {**data, "confirm": Confidentiality.PERSONNEL})
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.confidentiality == Confidentiality.PERSONNEL
    assert client_for(difos_observer).get(f"/governance/materials/{material.pk}/download/").status_code in (403, 404)

    # and back: the warning names what the observer gains, and the download answers again
    client = client_for(censec_secretariat)
    client.cookies["django_language"] = "en"
    data["confidentiality"] = Confidentiality.ORDINARY
    page = client.post(f"/governance/items/{item.pk}/edit/", data).content.decode()
    assert "will now see this item and its 2 materials" in page
    client.post(f"/governance/items/{item.pk}/edit/", {**data, "confirm": Confidentiality.ORDINARY})
    assert client_for(difos_observer).get(f"/governance/materials/{material.pk}/download/").status_code == 200


def test_a_change_observers_do_not_notice_needs_no_confirmation(client_for, censec_secretariat, censec_meeting):
    item = censec_meeting.items.filter(confidentiality=Confidentiality.PERSONNEL).first()
    response = client_for(censec_secretariat).post(
        f"/governance/items/{item.pk}/edit/",
        {"title": item.title, "description": "", "confidentiality": Confidentiality.INTERNAL_SECRETARIAT},
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.confidentiality == Confidentiality.INTERNAL_SECRETARIAT


def test_an_item_opened_to_the_observer_tells_the_observer_of_its_materials_once(
    client_for, censec_secretariat, difos_observer, censec_meeting
):
    from portal.models import Notification

    item = censec_meeting.items.filter(confidentiality=Confidentiality.PERSONNEL).first()
    secret = services.material_upload(
        user=censec_secretariat, upload=pdf_upload("vurdering.pdf"), meeting=censec_meeting, title="Vurdering", agenda_item=item,
    )
    publishing.materials_publish(user=censec_secretariat, materials=[secret])
    key = f"material-version:{secret.current_id}"
    assert not Notification.objects.filter(recipient=difos_observer, key=key).exists()  # personnel: not for the observer
    data = {"title": item.title, "description": item.description, "confidentiality": Confidentiality.ORDINARY,
            "confirm": Confidentiality.ORDINARY}
    assert client_for(censec_secretariat).post(f"/governance/items/{item.pk}/edit/", data).status_code == 302
    assert Notification.objects.filter(recipient=difos_observer, key=key).count() == 1
    # back and forth again tells nobody twice
    for category in (Confidentiality.PERSONNEL, Confidentiality.ORDINARY):
        client_for(censec_secretariat).post(
            f"/governance/items/{item.pk}/edit/", {**data, "confidentiality": category, "confirm": category}
        )
    assert Notification.objects.filter(recipient=difos_observer, key=key).count() == 1

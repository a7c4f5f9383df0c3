"""Board forms, uploads and search, fed random and hostile input.

Never a 500, never a stored script that the page renders as markup, never a formula cell that a
spreadsheet program would execute.
"""

from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import given, strategies as st

from governance.models import AgendaItem, Material, Meeting
from tests.fuzz.strategies import HOSTILE, answers, hostile_dates, hostile_text

@given(q=hostile_text, page=hostile_text)
def test_the_meeting_search_never_fails(client_for, difos_observer, boards, q, page):
    response = client_for(difos_observer).get("/governance/meetings/", {"q": q, "page": page})
    assert response.status_code in answers((200,), q, page)
    assert "Personale" not in response.content.decode() or "Personale" in q


@given(title=hostile_text, place=hostile_text, starts_at=hostile_dates, ends_at=hostile_dates, kind=hostile_text)
def test_the_meeting_form_never_fails(client_for, censec_secretariat, boards, title, place, starts_at, ends_at, kind):
    before = Meeting.objects.count()
    response = client_for(censec_secretariat).post("/governance/meetings/new/", {
        "board": boards["censec"].board.pk, "kind": kind, "title": title, "starts_at": starts_at, "ends_at": ends_at, "place": place,
    })
    assert response.status_code in (200, 302, 400)
    for meeting in Meeting.objects.all()[before:]:
        assert meeting.ends_at >= meeting.starts_at


@given(title=hostile_text, description=hostile_text, confidentiality=hostile_text)
def test_the_agenda_item_form_never_fails(client_for, censec_secretariat, boards, title, description, confidentiality):
    meeting = boards["censec"].meeting
    response = client_for(censec_secretariat).post(
        f"/governance/meetings/{meeting.pk}/items/", {"title": title, "description": description, "confidentiality": confidentiality}
    )
    assert response.status_code in (200, 302, 400)
    assert set(AgendaItem.objects.values_list("confidentiality", flat=True)) <= {"ordinary", "personnel", "internal_secretariat"}


@given(name=st.one_of(st.sampled_from(HOSTILE), st.text(max_size=300)), data=st.binary(max_size=2000), title=hostile_text)
def test_any_upload_gets_a_clear_answer_and_stays_inside_media(client_for, censec_secretariat, boards, settings, name, data, title):
    from pathlib import Path

    meeting = boards["censec"].meeting
    before = Material.objects.count()
    response = client_for(censec_secretariat).post(
        f"/governance/meetings/{meeting.pk}/upload/", {"title": title, "kind": "material", "file": SimpleUploadedFile(name or "x", data)}
    )
    assert response.status_code in (200, 302, 400)
    media = Path(settings.MEDIA_ROOT).resolve()
    for material in Material.objects.all()[before:]:
        stored = Path(material.current.file.path).resolve()
        assert media in stored.parents

"""Board fixtures: the demo boards and seats, plus a meeting on each board with one item and material per category."""

from dataclasses import dataclass, field
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from governance import demo, publishing, services
from governance.models import Board, Confidentiality, Material, Meeting, MeetingKind

CATEGORIES = [c.value for c in Confidentiality]


def pdf_upload(name="file.pdf", text="material"):
    return SimpleUploadedFile(name, demo.minimal_pdf(text), content_type="application/pdf")


@dataclass
class BoardFixture:
    board: Board
    meeting: Meeting
    items: dict = field(default_factory=dict)  # category → AgendaItem
    materials: dict = field(default_factory=dict)  # category → Material
    meeting_material: Material | None = None


@pytest.fixture
def difos_member(demo_users, django_user_model, orgs):
    """A member of DI FOS's board (not a demo user: the contract names none)."""
    user = django_user_model.objects.create_user("difos-board", email="member@difos.example", password="x")
    person = services.person_create(name="Thomas Ravn", company="MARSS", user=user)
    board = services.board_ensure(organisation=orgs["difos"])
    services.seat_create(
        board=board, person=person, role="member", term_start=timezone.localdate() - timedelta(days=10),
        nominated_by=orgs["difos"],
    )
    return user


@pytest.fixture
def boards(demo_users, orgs):
    """The demo seats, and on each board a meeting "Matrix <slug>" with an item and a material per category."""
    demo.seed(users=demo_users)
    result = {}
    for slug in ("censec", "difos"):
        board = Board.objects.get(organisation__slug=slug)
        start = timezone.now() + timedelta(days=3)
        meeting = services.meeting_create(
            board=board, kind=MeetingKind.BOARD_MEETING, title=f"Matrix meeting {slug}", starts_at=start,
            ends_at=start + timedelta(hours=2), place="Room 1",
        )
        fixture = BoardFixture(board=board, meeting=meeting)
        secretariat = demo_users[f"{slug}-secretariat"]
        for category in CATEGORIES:
            item = services.agenda_item_create(meeting=meeting, title=f"Zebra item {slug} {category}", confidentiality=category)
            fixture.items[category] = item
            fixture.materials[category] = services.material_upload(
                user=secretariat, upload=pdf_upload(f"{slug}-{category}.pdf"), meeting=meeting,
                title=f"Zebra material {slug} {category}", agenda_item=item,
            )
        fixture.meeting_material = services.material_upload(
            user=secretariat, upload=pdf_upload(f"{slug}-whole.pdf"), meeting=meeting, title=f"Zebra material {slug} whole",
        )
        publishing.meeting_publish(user=secretariat, meeting=meeting, tell=False)  # the board pack: readers see published materials
        result[slug] = fixture
    return result

"""Demo boards, seats, meetings and materials (CONTRACT.md "seed_demo"); idempotent."""

from datetime import datetime, time, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from agreement.models import Organisation

from . import publishing, services
from .models import AgendaItem, Confidentiality, Material, Meeting, MeetingKind, Person, Seat, SeatRole


def minimal_pdf(text: str) -> bytes:
    """A small, valid one-page PDF showing `text` (ASCII), built by hand so the demo needs no PDF library."""
    safe = text.encode("ascii", "replace").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
    stream = b"BT /F1 14 Tf 72 770 Td (" + safe + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


# name, company, role in the company, email, demo username, CenSec member, accepted CenSec's statutes
PEOPLE = [
    ("Birgitte Nørgaard", "Aarhus Universitet", "Institutleder", "bn@au.example", None, True, True),
    ("Karen Vestergaard", "Terma", "Direktør", "karen.vestergaard@terma.example", "censec-board", True, True),
    ("Jens Mikkelsen", "Systematic", "Adm. direktør", "jm@systematic.example", None, True, True),
    ("Ole Frandsen", "Danish Aerospace Company", "CEO", "of@dac.example", None, True, True),
    ("Peter Lund", "Weibel Scientific", "Salgsdirektør", "peter.lund@weibel.example", "difos-observer", False, False),
    ("Thomas Riis", "MARSS", "CEO", "tr@marss.example", None, False, False),
    ("Hanne Berg", "Nordic Defence Systems", "Direktør", "hb@nds.example", None, False, False),
    ("Sofie Brandt", "Syddansk Universitet", "Prorektor", "sofie.brandt@sdu.example", "censec-observer", True, True),
]
# board, person, role, nominated by, backed by DI FOS. §3 G2: an observer is one of the sending
# party's own board representatives, so Peter Lund sits on DI FOS's board and Sofie Brandt on
# CenSec's before they observe (the seats on the own board come first).
SEATS = [
    ("censec", "Birgitte Nørgaard", SeatRole.CHAIR, "censec", False),
    ("censec", "Karen Vestergaard", SeatRole.VICE_CHAIR, "difos", True),
    ("censec", "Jens Mikkelsen", SeatRole.MEMBER, "difos", True),
    ("censec", "Ole Frandsen", SeatRole.MEMBER, "censec", False),
    ("censec", "Sofie Brandt", SeatRole.MEMBER, "censec", False),
    ("difos", "Thomas Riis", SeatRole.CHAIR, "difos", False),
    ("difos", "Hanne Berg", SeatRole.MEMBER, "difos", False),
    ("difos", "Peter Lund", SeatRole.MEMBER, "difos", False),
    ("censec", "Peter Lund", SeatRole.OBSERVER, "difos", False),
    ("difos", "Sofie Brandt", SeatRole.OBSERVER, "censec", False),
]
NEXT_AGENDA = [
    ("Godkendelse af dagsorden og referat", Confidentiality.ORDINARY, "Dagsorden og referat.pdf"),
    ("Aktivitetsplan 2027 og samarbejdet med DI FOS", Confidentiality.ORDINARY, "Aktivitetsplan 2027.pdf"),
    ("Direktørens ansættelsesvilkår", Confidentiality.PERSONNEL, "Ansaettelsesvilkaar direktoer.pdf"),
    ("Sekretariatets interne budget og bemanding", Confidentiality.INTERNAL_SECRETARIAT, "Sekretariatets budget.txt"),
]


def _at(day, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


def _meeting(board, kind, title, starts_at, hours, place) -> Meeting:
    existing = Meeting.objects.filter(board=board, title=title).first()
    return existing or services.meeting_create(
        board=board, kind=kind, title=title, starts_at=starts_at, ends_at=starts_at + timedelta(hours=hours), place=place,
        invite=False,  # demo data announces nothing
    )


def _material(*, user, meeting, item, title, filename, kind=Material.Kind.MATERIAL):
    if Material.objects.filter(meeting=meeting, title=title).exists():
        return
    if filename.endswith(".pdf"):
        content, content_type = minimal_pdf(title), "application/pdf"
    else:
        content, content_type = f"{title}\n\nDemo-materiale.\n".encode(), "text/plain"
    services.material_upload(
        user=user, upload=SimpleUploadedFile(filename, content, content_type=content_type), meeting=meeting,
        title=title, agenda_item=item, kind=kind,
    )


def _agenda(meeting, agenda) -> list[AgendaItem]:
    items = []
    for title, confidentiality, _filename in agenda:
        item = AgendaItem.objects.filter(meeting=meeting, title=title).first()
        items.append(item or services.agenda_item_create(meeting=meeting, title=title, confidentiality=confidentiality))
    return items


def seed(*, users: dict) -> None:
    """Both boards with their seats and observers, three meetings with agendas, materials and minutes."""
    orgs = {o.slug: o for o in Organisation.objects.all()}
    today = timezone.localdate()
    boards = {slug: services.board_ensure(organisation=orgs[slug]) for slug in ("censec", "difos")}
    people = {}
    start = today - timedelta(days=400)
    for name, company, company_role, email, username, member, statutes in PEOPLE:
        person = Person.objects.filter(name=name).first() or services.person_create(
            name=name, company=company, email=email, user=users.get(username) if username else None, censec_member=member,
            company_role=company_role, statutes_accepted_on=start - timedelta(days=30) if statutes else None,
        )
        people[name] = person
    for board_slug, name, role, nominated_by, backed in SEATS:
        if Seat.objects.filter(board=boards[board_slug], person=people[name], role=role, closed=False).exists():
            continue
        services.seat_create(
            board=boards[board_slug], person=people[name], role=role, term_start=start,
            term_end=today + timedelta(days=60 if name == "Ole Frandsen" else 700), nominated_by=orgs[nominated_by],
            # §3 G1: DI FOS's backing counts when its date lies within the seat's term.
            backed_by_difos=backed, backing_confirmed_on=start if backed else None,
        )
    secretariat = users["censec-secretariat"]
    censec = boards["censec"]
    upcoming = _meeting(
        censec, MeetingKind.BOARD_MEETING, "Bestyrelsesmøde i CenSec", _at(today + timedelta(days=7), 14), 3,
        "CenSec, Ikast",
    )
    for item, (title, _c, filename) in zip(_agenda(upcoming, NEXT_AGENDA), NEXT_AGENDA):
        _material(user=secretariat, meeting=upcoming, item=item, title=title, filename=filename)
    seminar = _meeting(
        censec, MeetingKind.STRATEGY_SEMINAR, "Strategiseminar 2027", _at(today + timedelta(days=45), 9), 7,
        "Hotel Legoland, Billund",
    )
    _agenda(seminar, [("Klyngens strategi 2027-2030", Confidentiality.ORDINARY, "")])
    past = _meeting(
        censec, MeetingKind.BOARD_MEETING, "Bestyrelsesmøde i CenSec (forår)", _at(today - timedelta(days=60), 14), 3,
        "DI, H.C. Andersens Boulevard, København",
    )
    _agenda(past, [("Årsregnskab", Confidentiality.ORDINARY, "")])
    _material(user=secretariat, meeting=past, item=None, title="Referat", filename="Referat.pdf", kind=Material.Kind.MINUTES)
    difos_meeting = _meeting(
        boards["difos"], MeetingKind.BOARD_MEETING, "Bestyrelsesmøde i DI FOS", _at(today + timedelta(days=14), 10), 2,
        "DI, København",
    )
    for item in _agenda(difos_meeting, [("Forsvarsforlig og industriens rolle", Confidentiality.ORDINARY, "")]):
        _material(user=users["difos-secretariat"], meeting=difos_meeting, item=item, title=item.title, filename="Forsvarsforlig.pdf")
    # i12c: the demo's board packs are published (quietly: they are history nobody waits to hear of).
    # The minutes of the past meeting stay "not yet approved": the chair has no demo login (README).
    for meeting, user in ((upcoming, secretariat), (past, secretariat), (difos_meeting, users["difos-secretariat"])):
        publishing.meeting_publish(user=user, meeting=meeting, tell=False)

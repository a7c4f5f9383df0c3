"""The agreement loaded, and the demo users with their roles (CONTRACT.md "Demo users"); password "demo" for all."""

from django.contrib.auth import get_user_model

from portal.models import RoleKind
from portal.services import role_grant

from .models import Organisation
from .services import agreement_load

DEMO_PASSWORD = "demo"

# username, first name, last name, email, [(role, organisation slug)]
DEMO_USERS = [
    ("censec-secretariat", "Mette", "Sørensen", "mette.sorensen@censec.example", [(RoleKind.SECRETARIAT, "censec")]),
    ("difos-secretariat", "Lars", "Holm", "lars.holm@di.example", [(RoleKind.SECRETARIAT, "difos")]),
    ("censec-director", "Anne", "Kjær", "anne.kjaer@censec.example", [(RoleKind.DIRECTOR, "censec")]),
    ("difos-director", "Henrik", "Dahl", "henrik.dahl@di.example", [(RoleKind.DIRECTOR, "difos")]),
    ("censec-board", "Karen", "Vestergaard", "karen.vestergaard@terma.example", [(RoleKind.BOARD_MEMBER, "censec")]),
    ("difos-observer", "Peter", "Lund", "peter.lund@weibel.example", [(RoleKind.OBSERVER, "difos")]),
    ("censec-observer", "Sofie", "Brandt", "sofie.brandt@sdu.example", [(RoleKind.OBSERVER, "censec")]),
    ("admin", "Portal", "Administrator", "admin@portal.example", [(RoleKind.ADMINISTRATOR, None)]),
    # A member company's person, member of both organisations: sees the members pages only.
    ("member", "Jonas", "Winther", "jonas.winther@nordicdrone.example", [(RoleKind.MEMBER, "censec"), (RoleKind.MEMBER, "difos")]),
]


def seed() -> dict:
    """Load the agreement, then create (or refresh) the demo users; returns them by username."""
    agreement_load()
    User = get_user_model()
    orgs = {o.slug: o for o in Organisation.objects.all()}
    users = {}
    for username, first, last, email, roles in DEMO_USERS:
        user, created = User.objects.get_or_create(
            username=username, defaults={"first_name": first, "last_name": last, "email": email}
        )
        if created:
            user.set_password(DEMO_PASSWORD)
        user.is_superuser = user.is_staff = username == "admin"
        user.save()
        for kind, slug in roles:
            role_grant(user=user, kind=kind, organisation=orgs.get(slug) if slug else None)
        users[username] = user
    return users

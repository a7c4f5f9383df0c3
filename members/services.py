"""Writes for the members app: the services catalogue, member accounts and their set-password email."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from portal import permissions
from portal.models import RoleKind
from portal.notifications import notify
from portal.public_cache import public_changed
from portal.services import role_grant
from portal.spreadsheets import TooManyRows, read_table

from .models import MemberProfile, Service

SERVICE_FIELDS = ["name", "description", "for_whom", "contact_name", "contact_email", "matrix_row", "visibility"]


def service_create(*, user, organisation, **fields) -> Service:
    """Add a service to a party's catalogue; only that party's secretariat may."""
    if not permissions.may_manage_members(user, organisation):
        raise PermissionDenied(_("Only the party's secretariat keeps its catalogue of services."))
    service = Service(organisation=organisation, **fields)
    service.full_clean()
    service._history_user = user
    service.save()
    public_changed()
    return service


def service_update(*, user, service: Service, **fields) -> Service:
    if not permissions.may_manage_members(user, service.organisation_id):
        raise PermissionDenied(_("Only the party's secretariat keeps its catalogue of services."))
    for name, value in fields.items():
        setattr(service, name, value)
    service.full_clean()
    service._history_user = user
    service.save()
    public_changed()
    return service


def service_delete(*, user, service: Service) -> None:
    if not permissions.may_manage_members(user, service.organisation_id):
        raise PermissionDenied(_("Only the party's secretariat keeps its catalogue of services."))
    service._history_user = user
    service.delete()
    public_changed()


# --- member accounts ----------------------------------------------------------------------------

MEMBER_COLUMNS = ["name", "email", "company"]
MAX_MEMBER_ROWS = 2000


class MembersRejected(ValidationError):
    """The file had bad rows; no account was made. `errors` is [(line number, reason)]."""

    def __init__(self, errors: list[tuple[int, str]]):
        self.errors = errors
        super().__init__(_("No member was created: %(count)d rows have errors.") % {"count": len(errors)})


def set_password_path(user) -> str:
    """The address of Django's own set-password page for `user` (password-reset token, valid PASSWORD_RESET_TIMEOUT)."""
    return reverse(
        "password_reset_confirm",
        kwargs={"uidb64": urlsafe_base64_encode(force_bytes(user.pk)), "token": default_token_generator.make_token(user)},
    )


def _member_problems(*, name: str, email: str, company: str) -> list[str]:
    problems = []
    if not name.strip():
        problems.append(_("A name is needed."))
    if not company.strip():
        problems.append(_("A company is needed."))
    try:
        validate_email(email)
    except ValidationError:
        problems.append(_("\"%(email)s\" is not an email address.") % {"email": email})
    else:
        existing = get_user_model().objects.filter(email__iexact=email).first()
        if existing and (permissions.role_kinds(existing) - {RoleKind.MEMBER} or existing.is_superuser):
            problems.append(_("%(email)s belongs to a staff account; staff do not need a member account.") % {"email": email})
    return problems


def _member_save(*, organisation, name: str, email: str, company: str):
    """Create the account (or link an existing member to one more organisation) and queue the set-password email."""
    User = get_user_model()
    email = email.strip().lower()
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        first, _sep, last = name.strip().partition(" ")
        user = User(username=email[:150], email=email, first_name=first[:150], last_name=last[:150])
        user.set_unusable_password()
        user.save()
    MemberProfile.objects.update_or_create(user=user, defaults={"company": company.strip()[:200]})
    role_grant(user=user, kind=RoleKind.MEMBER, organisation=organisation)
    notify(
        recipients=[user], kind="member-welcome", key=organisation.slug, template="member-welcome",
        context={"organisation": organisation, "member": user}, url=set_password_path(user),
    )
    return user


def member_create(*, user, organisation, name: str, email: str, company: str):
    """A secretariat adds one member company's person to its organisation; they get an email to set a password."""
    if not permissions.may_manage_members(user, organisation):
        raise PermissionDenied(_("Only the organisation's secretariat adds its members."))
    problems = _member_problems(name=name, email=email, company=company)
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        return _member_save(organisation=organisation, name=name, email=email, company=company)


def _table(name: str, data: bytes) -> list[list[str]]:
    """The rows of a CSV (comma or semicolon, UTF-8) or XLSX file as text cells, read with the portal's bounded reader."""
    try:
        lines = read_table(name, data, columns=len(MEMBER_COLUMNS) + 1, max_rows=MAX_MEMBER_ROWS)
    except TooManyRows:
        raise ValidationError(_("At most %(max)d members can be imported at once.") % {"max": MAX_MEMBER_ROWS}) from None
    return [cells for _number, cells in lines]


def members_import(*, user, organisation, name: str, data: bytes) -> int:
    """Import member accounts from a spreadsheet (columns name, email, company): every row, or none.

    1. Read the file; a wrong header is one error on line 1.
    2. Check every row (name, company, a valid email not used twice in the file nor by staff).
    3. Only if no row is bad: create or link them all in one transaction and queue their emails.
    """
    if not permissions.may_manage_members(user, organisation):
        raise PermissionDenied(_("Only the organisation's secretariat adds its members."))
    try:
        lines = _table(name, data)
    except ValidationError as exc:
        raise MembersRejected([(1, " ".join(exc.messages))]) from None
    header = [h.strip().lower() for h in (lines[0] if lines else [])]
    while header and not header[-1]:
        header.pop()
    if header != MEMBER_COLUMNS:
        raise MembersRejected([(1, _("The first row must name the columns %(expected)s.") % {"expected": ", ".join(MEMBER_COLUMNS)})])
    rows, errors, seen = [], [], {}
    for number, cells in enumerate(lines[1:], start=2):
        if not any(c.strip() for c in cells):
            continue
        cells = [*cells, "", "", ""][:3]
        row = dict(zip(MEMBER_COLUMNS, (c.strip() for c in cells)))
        problems = _member_problems(**row)
        if row["email"].lower() in seen:
            problems.append(_("%(email)s is already on line %(line)d.") % {"email": row["email"], "line": seen[row["email"].lower()]})
        seen.setdefault(row["email"].lower(), number)
        if problems:
            errors.append((number, " ".join(problems)))
        rows.append(row)
    if len(rows) > MAX_MEMBER_ROWS:
        raise MembersRejected([(1, _("At most %(max)d members can be imported at once.") % {"max": MAX_MEMBER_ROWS})])
    if errors:
        raise MembersRejected(errors)
    if not rows:
        raise MembersRejected([(2, _("The file has no members below the header."))])
    with transaction.atomic():
        for row in rows:
            _member_save(organisation=organisation, **row)
    return len(rows)


def members_of(*, user, organisation):
    """The member accounts linked to `organisation`, for its secretariat."""
    if not permissions.may_manage_members(user, organisation):
        raise PermissionDenied(_("Only the organisation's secretariat sees its members."))
    return (
        get_user_model().objects.filter(roles__kind=RoleKind.MEMBER, roles__organisation=organisation)
        .select_related("member_profile").order_by("last_name", "first_name", "email").distinct()
    )

"""Writes for the agreement app: loading the agreement, and notices of termination (§6)."""

import datetime as dt

from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from portal import notifications, permissions
from portal.parsing import validate_date
from portal.dashboard_cache import dashboard_changed
from portal.dates import add_months

from . import data
from .models import Agreement, Clause, MatrixRow, Notice, Organisation, TaskArea
from .selectors import PARTIES_CACHE_KEY, agreement_status_forget, party_staff


@transaction.atomic
def agreement_load() -> dict[str, int]:
    """Write the parties, the agreement, its clauses, task areas and the Appendix 1 matrix; idempotent.

    Returns how many rows were created per kind (all zero on a second run).
    """
    created = {"organisations": 0, "clauses": 0, "task_areas": 0, "matrix_rows": 0, "agreements": 0}
    orgs = {}
    for spec in data.PARTIES:
        fields = {k: v for k, v in spec.items() if k not in ("slug", "parent")}
        fields["parent"] = orgs.get(spec["parent"]) if spec["parent"] else None
        orgs[spec["slug"]], new = Organisation.objects.update_or_create(slug=spec["slug"], defaults=fields)
        created["organisations"] += new

    agreement, new = Agreement.objects.update_or_create(
        slug=data.AGREEMENT["slug"],
        defaults={k: data.AGREEMENT[k] for k in ("title_da", "title_en", "signed_on", "notice_months")},
    )
    created["agreements"] += new
    agreement.parties.set([orgs[slug] for slug in data.AGREEMENT["parties"]])

    areas = {}
    for slug, number, name_da, name_en in data.TASK_AREAS:
        areas[slug], new = TaskArea.objects.update_or_create(
            slug=slug, defaults={"number": number, "name_da": name_da, "name_en": name_en}
        )
        created["task_areas"] += new

    clauses = {}
    for order, spec in enumerate(data.CLAUSES, start=1):
        fields = {k: v for k, v in spec.items() if k != "slug"}
        clauses[spec["slug"]], new = Clause.objects.update_or_create(
            agreement=agreement, slug=spec["slug"], defaults={**fields, "order": order}
        )
        created["clauses"] += new

    for order, spec in enumerate(data.MATRIX, start=1):
        _row, new = MatrixRow.objects.update_or_create(
            code=spec["code"],
            defaults={
                "order": order,
                "area": areas[spec["area"]],
                "clause": clauses[spec["clause"]],
                "responsibility_da": spec["responsibility_da"],
                "responsibility_en": spec["responsibility_en"],
                "lead": spec["lead"],
                "lead_with_parent": spec["lead_with_parent"],
                "other_party_duty": spec["duty"],
                "other_party_da": spec["other_da"],
                "other_party_en": spec["other_en"],
                "single_track": spec["single_track"],
                "counterparts": spec["counterparts"],
                "keywords_da": spec["keywords_da"],
                "keywords_en": spec["keywords_en"],
                "source_da": spec["source_da"],
            },
        )
        created["matrix_rows"] += new
    transaction.on_commit(lambda: cache.delete(PARTIES_CACHE_KEY))
    return created


def notice_give(*, user, agreement: Agreement, party: Organisation, given_on: dt.date, reason: str = "") -> Notice:
    """Record that `party` gives notice of termination on `given_on` (§6); the end date follows from it.

    Only a director of that party (or an administrator) may; only one notice can stand at a time.
    """
    if not permissions.may_give_notice(user, party):
        raise PermissionDenied(_("Only a director of %(party)s can give notice on its behalf.") % {"party": party})
    if not agreement.parties.filter(pk=party.pk).exists():
        raise ValidationError({"party": _("%(party)s is not a party to the agreement.") % {"party": party}})
    try:
        validate_date(given_on)  # and so the end date, three months on, exists
    except ValidationError as exc:
        raise ValidationError({"given_on": exc.messages}) from None
    notice = Notice(
        agreement=agreement,
        party=party,
        given_on=given_on,
        ends_on=add_months(given_on, agreement.notice_months),
        reason=reason,
        recorded_by=user,
    )
    notice.full_clean(validate_constraints=False)
    notice._history_user = user  # recorded in the history even outside a request (commands, tasks)
    try:
        with transaction.atomic():
            notice.save()
    except IntegrityError:
        raise ValidationError(_("Notice has already been given; withdraw it before recording another.")) from None
    _tell_both_parties(notice, stage="given")
    transaction.on_commit(agreement_status_forget)
    dashboard_changed()
    return notice


def _tell_both_parties(notice: Notice, *, stage: str) -> None:
    """Both parties' directors and secretariats hear of a notice and of its withdrawal."""
    notifications.notify(
        recipients=party_staff(),
        kind=f"notice_{stage}",
        key=str(notice.pk),
        template="notice-given",
        context={"notice": notice},
        url="/agreement/#notice",
    )


def notice_withdraw(*, user, notice: Notice) -> Notice:
    """Withdraw a standing notice; it stays in the record with who withdrew it and when."""
    if not permissions.may_give_notice(user, notice.party):
        raise PermissionDenied(_("Only a director of %(party)s can withdraw its notice.") % {"party": notice.party})
    updated = Notice.objects.filter(pk=notice.pk, withdrawn_at__isnull=True).update(
        withdrawn_at=timezone.now(), withdrawn_by=user
    )
    if not updated:
        raise ValidationError(_("This notice has already been withdrawn."))
    notice.refresh_from_db()
    # .update() bypasses simple-history; record the withdrawal in the history explicitly.
    notice._change_reason = "withdrawn"
    notice._history_user = user
    notice.save(update_fields=["withdrawn_at", "withdrawn_by"])
    _tell_both_parties(notice, stage="withdrawn")
    transaction.on_commit(agreement_status_forget)
    dashboard_changed()
    return notice

"""One board's page, its people and seats, their history, and the composition as a spreadsheet (§3 G1, G2).

Every form that changes a seat or a person first shows what the change would do to G1 and G2
(a preview: the same post without `confirm`); the save is a second post carrying the fingerprint
of what was previewed, so a changed form is previewed again before it is saved.
"""

import hashlib
from datetime import timedelta
from itertools import chain

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from portal import permissions
from portal.once import AlreadyDone, run_once
from portal.parsing import parse_id
from portal.spreadsheets import csv_response, xlsx_response

from . import rules, services_seats
from .forms_boards import BoardImportForm, PersonCreateForm, PersonForm, SeatCreateForm, SeatEndForm, SeatForm
from .models import Board, Person, Seat, SeatRole
from .services_seats import BOARD_COLUMNS, BoardRejected


def _board(request, org, *, manage=False) -> Board:
    """The board of party `org` if the user may see it (else 404); `manage`: and manage it (else 403)."""
    board = Board.objects.select_related("organisation").filter(organisation__slug=org).first()
    if board is None or not permissions.may_view_board(request.user, board):
        raise Http404
    if manage and not permissions.may_manage_board(request.user, board):
        raise PermissionDenied(_("Only the secretariat of %(party)s manages this board.") % {
            "party": board.organisation.short_name,
        })
    return board


def _board_url(board) -> str:
    return reverse("governance:board", args=[board.organisation.slug])


def _fingerprint(form) -> str:
    data = sorted((k, str(v.pk if hasattr(v, "pk") else v)) for k, v in form.cleaned_data.items() if k != "once")
    return hashlib.sha256(repr(data).encode()).hexdigest()[:32]


def _confirmed(request, form) -> bool:
    return "confirm" in request.POST and request.POST.get("previewed") == _fingerprint(form)


def _add_errors(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for name, errors in exc.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, exc)


def board(request, org):
    """/governance/boards/<org>/: G1/G2 with reasons (and any break) at the top, people, current and past seats."""
    board = _board(request, org)
    today = timezone.localdate()
    seats = list(board.seats.select_related("person", "nominated_by", "board__organisation").order_by("term_start", "person__name"))
    current = [s for s in seats if rules.seat_is_current(s, today)]
    future = [s for s in seats if not s.closed and s.term_start > today]
    past = [s for s in seats if s not in current and s not in future]
    people = {s.person_id: s.person for s in seats}
    for person in Person.objects.filter(registered_by=board):
        people.setdefault(person.pk, person)
    is_censec = board.organisation.slug == "censec"
    problems = {}
    for seat in current:
        if is_censec and seat.role != SeatRole.OBSERVER:
            problems[seat.pk] = rules.g1_problems(seat, today)
    return render(request, "governance/board.html", {
        "board": board,
        "may_manage": permissions.may_manage_board(request.user, board),
        "rules": services_seats.board_rules_now(board, today=today),
        "broken": services_seats.broken_notices(board),
        "current": current, "future": future, "past": list(reversed(past)),
        "people": sorted(people.values(), key=lambda p: p.name),
        "problems": problems,
    })


def _render_form(request, template, context, form, consequence=None):
    if "once" in form.errors and not form.non_field_errors():
        form.add_error(None, form.errors["once"])  # the hidden token's "expired" is shown above the form
    context = {**context, "form": form, "consequence": consequence,
               "previewed": _fingerprint(form) if consequence is not None else ""}
    status = 400 if form.errors else 200
    return render(request, template, context, status=status)


def person_create(request, org):
    board = _board(request, org, manage=True)
    form = PersonCreateForm(request.POST or None)
    context = {"board": board, "title": _("New person")}
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "once"}
        try:
            person = run_once(form, request.user, lambda: services_seats.person_add(user=request.user, board=board, **data),
                              url=lambda p: _board_url(board))
        except AlreadyDone as done:
            return redirect(done.url or _board_url(board))
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("%(name)s was added.") % {"name": person.name})
            return redirect(_board_url(board))
    return _render_form(request, "governance/person_form.html", context, form)


def person_edit(request, org, pk):
    board = _board(request, org, manage=True)
    person = get_object_or_404(Person.objects.select_related("user"), pk=pk)
    if not services_seats.person_may_be_edited(board, person):
        raise Http404
    form = PersonForm(request.POST or None, initial=PersonForm.initial_for(person))
    context = {"board": board, "person": person, "title": _("Correct %(name)s") % {"name": person.name}}
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        username = data.pop("username")
        if _confirmed(request, form):
            try:
                services_seats.person_update(user=request.user, board=board, person=person, username=username, **data)
            except ValidationError as exc:
                _add_errors(form, exc)
            else:
                messages.success(request, _("%(name)s was corrected.") % {"name": data["name"]})
                return redirect(_board_url(board))
        else:
            changed = Person.objects.get(pk=person.pk)
            for name, value in data.items():
                setattr(changed, name, value)
            what = _("Correcting %(name)s") % {"name": person.name}
            return _render_form(request, "governance/person_form.html", context, form,
                                services_seats.consequence(board=board, what=what, person=changed))
    return _render_form(request, "governance/person_form.html", context, form)


def _candidate(board, data, seat=None) -> Seat:
    if seat is None:
        candidate = Seat(board=board)
    else:
        candidate = Seat.objects.select_related("board__organisation", "person", "nominated_by").get(pk=seat.pk)
    for name in services_seats.SEAT_FIELDS + (["person"] if seat is None else []):
        setattr(candidate, name, data.get(name))
    candidate.backed_by_difos = bool(data.get("backed_by_difos"))
    return candidate


def seat_create(request, org):
    """/governance/boards/<org>/seats/new/: role, person, term, nomination, backing; previewed, then saved once."""
    board = _board(request, org, manage=True)
    person = parse_id(request.GET.get("person"))
    initial = {"person": person} if person else {}
    form = SeatCreateForm(request.POST or None, initial=initial)
    context = {"board": board, "title": _("New seat on %(board)s") % {"board": board}}
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "once"}
        candidate = _candidate(board, data)
        try:
            services_seats.seat_check(candidate)
        except ValidationError as exc:
            _add_errors(form, exc)
            return _render_form(request, "governance/seat_form.html", context, form)
        if _confirmed(request, form):
            try:
                seat = run_once(form, request.user, lambda: services_seats.seat_add(user=request.user, board=board, **data),
                                url=lambda s: _board_url(board))
            except AlreadyDone as done:
                return redirect(done.url or _board_url(board))
            except ValidationError as exc:
                _add_errors(form, exc)
            else:
                messages.success(request, _("%(person)s now holds a seat on %(board)s.") % {"person": seat.person.name, "board": board})
                return redirect(_board_url(board))
        else:
            what = _("Adding this seat")
            return _render_form(request, "governance/seat_form.html", context, form,
                                services_seats.consequence(board=board, what=what, add=candidate, day=candidate.term_start))
    return _render_form(request, "governance/seat_form.html", context, form)


def _board_seat(board, pk) -> Seat:
    return get_object_or_404(board.seats.select_related("board__organisation", "person", "nominated_by"), pk=pk)


def seat_edit(request, org, pk):
    """/governance/boards/<org>/seats/<id>/edit/: correct an open seat; its access follows the correction."""
    board = _board(request, org, manage=True)
    seat = _board_seat(board, pk)
    initial = {name: getattr(seat, name) for name in services_seats.SEAT_FIELDS}
    form = SeatForm(request.POST or None, initial=initial, correcting=True)
    context = {"board": board, "seat": seat, "title": _("Correct the seat of %(person)s") % {"person": seat.person.name}}
    if seat.closed:
        form.add_error(None, _("This seat has ended; an ended seat is not changed."))
        return _render_form(request, "governance/seat_form.html", context, form)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        candidate = _candidate(board, data, seat)
        try:
            services_seats.seat_check(candidate)
        except ValidationError as exc:
            _add_errors(form, exc)
            return _render_form(request, "governance/seat_form.html", context, form)
        if _confirmed(request, form):
            try:
                services_seats.seat_correct(user=request.user, seat=seat, **{k: data[k] for k in services_seats.SEAT_FIELDS})
            except ValidationError as exc:
                _add_errors(form, exc)
            else:
                messages.success(request, _("The seat of %(person)s was corrected.") % {"person": seat.person.name})
                return redirect(_board_url(board))
        else:
            what = _("Correcting this seat")
            return _render_form(request, "governance/seat_form.html", context, form,
                                services_seats.consequence(board=board, what=what, replace=candidate))
    return _render_form(request, "governance/seat_form.html", context, form)


def seat_end(request, org, pk):
    """/governance/boards/<org>/seats/<id>/end/: end a seat, after seeing what it does to G1 and G2."""
    board = _board(request, org, manage=True)
    seat = _board_seat(board, pk)
    form = SeatEndForm(request.POST or None)
    context = {"board": board, "seat": seat, "title": _("End the seat of %(person)s") % {"person": seat.person.name}}
    if seat.closed:
        form.add_error(None, _("This seat has already ended."))
        return _render_form(request, "governance/seat_form.html", context, form)
    if request.method == "POST" and form.is_valid():
        on = form.cleaned_data["on"]
        if on < seat.term_start:
            form.add_error("on", _("The seat cannot end before its term starts (%(day)s).") % {"day": seat.term_start})
        elif _confirmed(request, form):
            try:
                services_seats.seat_end_on(user=request.user, seat=seat, on=on)
            except ValidationError as exc:
                _add_errors(form, exc)
            else:
                messages.success(request, _("The seat of %(person)s was ended.") % {"person": seat.person.name})
                return redirect(_board_url(board))
        else:
            ended = Seat.objects.select_related("board__organisation", "person", "nominated_by").get(pk=seat.pk)
            day = None
            if on <= timezone.localdate():
                ended.closed = True
            else:
                ended.term_end, day = on, on + timedelta(days=1)
            what = _("Ending this seat")
            return _render_form(request, "governance/seat_form.html", context, form,
                                services_seats.consequence(board=board, what=what, replace=ended, day=day))
    return _render_form(request, "governance/seat_form.html", context, form)


def history(request, org):
    """/governance/boards/<org>/history/: every change to the board's seats and people, newest first."""
    board = _board(request, org, manage=True)
    seat_history = Seat.history.filter(board=board).select_related("history_user", "person")
    person_ids = set(board.seats.values_list("person_id", flat=True)) | set(
        Person.objects.filter(registered_by=board).values_list("pk", flat=True)
    )
    person_history = Person.history.filter(id__in=person_ids).select_related("history_user")
    records = sorted(chain(seat_history, person_history), key=lambda r: r.history_date, reverse=True)
    page = Paginator(records, 50).get_page(request.GET.get("page"))
    rows = []
    for record in page:
        changes = []
        previous = record.prev_record if record.history_type == "~" else None  # one query each: changes only
        if previous is not None:
            changes = [f"{c.field}: {c.old or '–'} → {c.new or '–'}" for c in record.diff_against(previous).changes]
        rows.append({"record": record, "kind": _("Seat") if record.instance_type is Seat else _("Person"), "changes": changes})
    return render(request, "governance/board_history.html", {"board": board, "page": page, "rows": rows})


def export(request, org, fmt):
    """/governance/boards/<org>/export.csv (and .xlsx): one row per seat, the columns the import reads."""
    board = _board(request, org, manage=True)
    rows = services_seats.export_rows(board)
    filename = f"board-{board.organisation.slug}.{fmt}"
    if fmt == "xlsx":
        return xlsx_response(filename, BOARD_COLUMNS, rows, title=board.organisation.short_name)
    return csv_response(filename, BOARD_COLUMNS, rows)


def board_import(request, org):
    """/governance/boards/<org>/import/: every row or none; each bad row by its line number."""
    board = _board(request, org, manage=True)
    form = BoardImportForm(request.POST or None, request.FILES or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            counts = services_seats.board_import(user=request.user, board=board, name=upload.name, data=upload.read())
        except BoardRejected as exc:
            errors = exc.errors
        else:
            messages.success(request, _(
                "Imported: %(people_created)d people added, %(people_updated)d corrected, "
                "%(seats_created)d seats added, %(seats_updated)d corrected."
            ) % counts)
            return redirect(_board_url(board))
    status = 400 if errors or form.errors else 200
    return render(request, "governance/board_import.html", {
        "board": board, "form": form, "errors": errors, "columns": BOARD_COLUMNS,
    }, status=status)

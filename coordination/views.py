"""Views of director contacts (§5): the log with its month-by-month record, logging, correcting, ticking off."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal import permissions
from portal.dates import month_start
from portal.once import AlreadyDone, run_once
from portal.spreadsheets import csv_response

from . import agenda as agenda_rules
from . import selectors, services
from .dashboard import dashboard_sections
from .forms import ActionItemFormSet, ContactFilterForm, DirectorContactForm, NewDirectorContactForm, action_items_from
from . import monthly
from .monthly import month_is_kept

CSV_COLUMNS = ["id", "date", "form", "participants", "counts", "task_areas", "activities_presented", "decisions", "action_items"]


def dashboard(request):
    """The coordination dashboard (/): the sections that concern this user's role."""
    return render(request, "coordination/dashboard.html", {"sections": dashboard_sections(request)})


def _require_view(user):
    if not permissions.may_view_contacts(user):
        raise PermissionDenied(_("Director contacts are for the parties' directors and secretariats."))


def contact_list(request):
    _require_view(request.user)
    filters = ContactFilterForm(request.GET or None)
    kwargs = {k: v for k, v in filters.cleaned_data.items() if v} if filters.is_valid() else {}
    contacts = selectors.contacts_filtered(user=request.user, **kwargs)
    if request.GET.get("format") == "csv":
        return _contacts_csv(contacts)
    page = Paginator(contacts, 25).get_page(request.GET.get("page"))
    this_month = month_start(timezone.localdate())
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "coordination/contacts/list.html",
        {
            "filters": filters,
            "page": page,
            "records": selectors.month_records(),
            "this_month": this_month,
            "this_month_kept": month_is_kept(this_month, until=timezone.now()),
            "query": query.urlencode(),
            "may_log": permissions.may_log_contact(request.user),
        },
    )


def _contacts_csv(contacts):
    rows = (
        [
            c.pk,
            timezone.localtime(c.occurred_at).strftime("%Y-%m-%d %H:%M"),
            c.form,
            " | ".join(p.username for p in c.participants.all()),
            "yes" if c.counts else "no",
            " | ".join(a.slug for a in c.task_areas.all()),
            c.activities_presented,
            c.decisions,
            " | ".join(f"{i.text} ({i.owner.username}, {i.due_on:%Y-%m-%d}{', done' if i.done else ''})" for i in c.action_items.all()),
        ]
        for c in contacts
    )
    return csv_response("director-contacts.csv", CSV_COLUMNS, rows)


def _edit(request, contact=None):
    proposal = agenda_rules.agenda_proposal() if contact is None else None
    initial = {"agenda": proposal.text()} if proposal is not None else None
    form_class = NewDirectorContactForm if contact is None else DirectorContactForm
    form = form_class(request.POST or None, instance=contact, initial=initial)
    formset = ActionItemFormSet(request.POST or None, instance=contact, prefix="items")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        kwargs = {**form.service_kwargs(), "action_items": action_items_from(formset)}
        try:
            if contact is None:
                contact = run_once(
                    form, request.user, lambda: services.contact_create(user=request.user, **kwargs),
                    url=lambda made: made.get_absolute_url(),
                )
            else:
                contact = services.contact_update(user=request.user, contact=contact, **kwargs)
        except ValidationError as exc:
            form.add_error(None, exc)
        except AlreadyDone as done:  # the same form posted again: the contact exists once
            return redirect(done.url or "coordination:contacts")
        else:
            messages.success(request, _("The director contact has been saved."))
            shortfalls = selectors.contact_shortfalls(contact)
            if shortfalls:
                messages.warning(
                    request,
                    _("This contact is saved but does not count for the monthly rule (§5): %(reasons)s.")
                    % {"reasons": "; ".join(shortfalls)},
                )
            return redirect(contact)
    return render(
        request,
        "coordination/contacts/form.html",
        {"form": form, "formset": formset, "contact": contact, "proposal": proposal},
    )


def contact_create(request):
    if not permissions.may_log_contact(request.user):
        raise PermissionDenied(_("Only the parties' directors and secretariats can log a director contact."))
    return _edit(request)


def contact_update(request, pk):
    contact = get_object_or_404(selectors.visible_contacts(user=request.user), pk=pk)
    if not permissions.may_edit_contact(request.user, contact):
        raise PermissionDenied(_("You cannot change this director contact."))
    return _edit(request, contact)


def contact_detail(request, pk):
    contact = get_object_or_404(
        selectors.visible_contacts(user=request.user)
        .select_related("logged_by")
        .prefetch_related("participants", "task_areas", "activities__plan__organisation"),
        pk=pk,
    )
    shortfalls = selectors.contact_shortfalls(contact)
    return render(
        request,
        "coordination/contacts/detail.html",
        {
            "contact": contact,
            "counts": not shortfalls,
            "shortfalls": shortfalls,
            "items": contact.action_items.select_related("owner"),
            "settled": selectors.findings_settled_at(contact=contact),
            "history": contact.history.select_related("history_user")[:20],
            "may_edit": permissions.may_edit_contact(request.user, contact),
            "today": timezone.localdate(),
        },
    )


@require_POST
def action_item_done(request, pk):
    item = get_object_or_404(selectors.action_items_for(user=request.user).select_related("contact"), pk=pk)
    done = request.POST.get("done") == "1"
    services.action_item_set_done(user=request.user, item=item, done=done)
    messages.success(request, _("The action item is marked done.") if done else _("The action item is open again."))
    return redirect(item.contact)


def month_record_list(request):
    """The month-by-month record of C-MONTHLY (§5) on its own: for party staff and for the boards' chairs, to whom a
    second month in a row without contact is escalated (they see months, not the contacts' content)."""
    if not permissions.may_view_month_records(request.user):
        raise PermissionDenied(_("The month-by-month record is for the parties' directors, secretariats and board chairs."))
    today = timezone.localdate()
    return render(
        request,
        "coordination/contacts/months.html",
        {
            "records": selectors.month_records(),
            "period": monthly.rule_period(today=today),
            "today": today,
            "may_view_contacts": permissions.may_view_contacts(request.user),
        },
    )

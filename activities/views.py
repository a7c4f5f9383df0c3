from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from agreement.models import Organisation
from agreement.selectors import matrix_lookup
from portal import permissions
from portal.parsing import parse_year
from portal.spreadsheets import csv_response, xlsx_response

from . import selectors, spreadsheets
from .forms import VERSION_MISSING, ActivityFilterForm, ActivityForm, FindingFilterForm, ImportForm, ReasonForm
from .models import Activity, Plan
from .changes import EDITABLE_FIELDS
from .services import imports, plans
from .services.plans import StaleActivity
from .views_partners import partner_context

PAGE_SIZE = 50


def _staff_only(request) -> None:
    if not permissions.may_use_activities(request.user):
        raise PermissionDenied(_("Activity plans are for the parties' secretariats and directors."))


def _plan(request, org: str, year: int) -> Plan:
    plan = selectors.plan_get(user=request.user, org=org, year=year)
    if plan is None:
        raise Http404(_("There is no such plan."))
    return plan


def _editable(request, plan: Plan) -> None:
    if not permissions.may_edit_plan(request.user, plan):
        raise PermissionDenied(_("Only %(party)s's secretariat can change this plan.") % {"party": plan.organisation})


def index(request):
    _staff_only(request)
    creatable = {org.pk for org in selectors.parties().values() if permissions.may_create_plan(request.user, org)}
    return render(request, "activities/index.html", {"years": selectors.plans_by_year(user=request.user), "creatable": creatable})


@require_POST
def plan_create(request, org, year):
    _staff_only(request)
    organisation = get_object_or_404(Organisation, slug=org, kind=Organisation.Kind.PARTY)
    try:
        plans.plan_create(user=request.user, organisation=organisation, year=year)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("activities:index")
    return redirect("activities:plan", org, year)


def plan_detail(request, org, year):
    plan = _plan(request, org, year)
    filters = ActivityFilterForm(request.GET or None)
    criteria = filters.cleaned_data if filters.is_valid() else {}
    sort = criteria.get("sort") or "start"
    activities = selectors.plan_activities(
        user=request.user, plan=plan, q=criteria.get("q", ""), task_area=criteria.get("task_area"),
        status=criteria.get("status", ""), sort=sort,
    )
    page = Paginator(activities, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "plan": plan, "page": page, "filters": filters, "sort": sort, "sort_links": _sort_links(query, sort),
        "query_string": query.urlencode(), "may_edit": permissions.may_edit_plan(request.user, plan),
    }
    if request.htmx and request.htmx.target == "activity-table":
        return render(request, "htmx/activity_table.html", context)
    party_map = selectors.parties()
    context.update(
        findings=selectors.finding_rows(selectors.plan_findings(user=request.user, plan=plan)[:20], party_map, user=request.user),
        pending=selectors.plan_pending_checks(user=request.user, plan=plan),
        history=selectors.activity_history(user=request.user, plan=plan),
        plan_history=selectors.plan_history(user=request.user, plan=plan),
        may_submit=permissions.may_submit_plan(request.user, plan),
        extensions=selectors.page_parts("plan", [plan], user=request.user)[plan.pk],
        previous=selectors.plan_previous(user=request.user, plan=plan),
    )
    return render(request, "activities/plan.html", context)


def _sort_links(query, current: str) -> dict[str, str]:
    """For each sortable column, the query string that sorts by it (again: the other way round)."""
    links = {}
    for column in ("title", "area", "start", "end", "status"):
        q = query.copy()
        q["sort"] = f"-{column}" if current == column else column
        links[column] = q.urlencode()
    return links


def plan_checks(request, org, year):
    """The plan's findings box; htmx polls it while checks are pending."""
    plan = _plan(request, org, year)
    rows = selectors.finding_rows(selectors.plan_findings(user=request.user, plan=plan)[:20], selectors.parties(), user=request.user)
    return render(
        request, "htmx/plan_findings.html",
        {"plan": plan, "findings": rows, "pending": selectors.plan_pending_checks(user=request.user, plan=plan)},
    )


def _activity_form_page(request, plan, activity, form, stale=None):
    history = selectors.activity_history(user=request.user, plan=plan, activity_id=activity.pk) if activity else []
    return render(
        request, "activities/activity_form.html",
        {"plan": plan, "activity": activity, "form": form, "history": history, "stale": stale,
         **partner_context(request.user, activity)},
        # 400 for an edit that does not say which version it was made on (it would overwrite blindly).
        status=409 if stale else 400 if form.is_bound and form.has_error(NON_FIELD_ERRORS, VERSION_MISSING) else 200,
    )


def activity_create(request, org, year):
    plan = _plan(request, org, year)
    _editable(request, plan)
    form = ActivityForm(request.POST or None, plan=plan)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in EDITABLE_FIELDS}
        try:
            plans.activity_create(user=request.user, plan=plan, **data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The activity has been added; the checks run in a moment."))
            return redirect("activities:plan", org, year)
    return _activity_form_page(request, plan, None, form)


def activity_edit(request, org, year, pk):
    plan = _plan(request, org, year)
    activity = get_object_or_404(Activity.objects.select_related("plan__organisation"), pk=pk, plan=plan)
    if not permissions.may_edit_plan(request.user, plan):
        if request.method == "POST":
            raise PermissionDenied(_("Only %(party)s's secretariat can change this plan.") % {"party": plan.organisation})
        return render(
            request, "activities/activity_detail.html",
            {"plan": plan, "activity": activity, "history": selectors.activity_history(user=request.user, plan=plan, activity_id=pk),
             **partner_context(request.user, activity)},
        )
    form = ActivityForm(request.POST or None, instance=activity, plan=plan)
    stale = None
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in EDITABLE_FIELDS}
        try:
            plans.activity_update(
                user=request.user, activity=Activity.objects.get(pk=pk), version=form.cleaned_data["version"], **data
            )
        except StaleActivity as exc:
            stale = exc
            # The user's values stay in the form; the new version lets them save over, knowingly.
            form.data = form.data.copy()
            form.data["version"] = exc.version
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The activity has been saved; the checks run in a moment."))
            return redirect("activities:plan", org, year)
    return _activity_form_page(request, plan, activity, form, stale)


@require_POST
def activity_delete(request, org, year, pk):
    plan = _plan(request, org, year)
    _editable(request, plan)
    activity = get_object_or_404(Activity, pk=pk, plan=plan)
    plans.activity_delete(user=request.user, activity=activity)
    messages.success(request, _("The activity \"%(title)s\" has been deleted.") % {"title": activity.title})
    return redirect("activities:plan", org, year)


def _plan_action(request, org, year, action, success):
    plan = _plan(request, org, year)
    try:
        action(user=request.user, plan=plan)
    except PermissionDenied:
        raise
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, success)
    return redirect("activities:plan", org, year)


@require_POST
def plan_submit(request, org, year):
    return _plan_action(request, org, year, plans.plan_submit, _("The plan has been submitted for coordination."))


@require_POST
def plan_duplicate(request, org, year):
    plan = _plan(request, org, year)
    _editable(request, plan)
    source_year = request.POST.get("source_year", "")
    source = get_object_or_404(Plan, organisation=plan.organisation, year=parse_year(source_year) or 0)
    try:
        count = plans.plan_duplicate(user=request.user, plan=plan, source=source)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("%(count)d activities copied from %(year)s.") % {"count": count, "year": source.year})
    return redirect("activities:plan", org, year)


def plan_import(request, org, year):
    plan = _plan(request, org, year)
    _editable(request, plan)
    form = ImportForm(request.POST or None, request.FILES or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            count = imports.plan_import(
                user=request.user, plan=plan, name=upload.name, data=upload.read(), replace=form.cleaned_data["replace"]
            )
        except imports.ImportRejected as exc:
            errors = exc.errors
        else:
            messages.success(request, _("%(count)d activities imported.") % {"count": count})
            return redirect("activities:plan", org, year)
    return render(
        request, "activities/import.html",
        {"plan": plan, "form": form, "errors": errors, "columns": spreadsheets.EXPORT_COLUMNS, "column_help": selectors.plan_import_columns()},
        status=400 if errors else 200,
    )


def _filename(plan, ext):
    return f"plan-{plan.organisation.slug}-{plan.year}.{ext}"


def export_csv(request, org, year):
    plan = _plan(request, org, year)
    return csv_response(_filename(plan, "csv"), spreadsheets.EXPORT_COLUMNS, selectors.plan_export_rows(user=request.user, plan=plan))


def export_xlsx(request, org, year):
    plan = _plan(request, org, year)
    return xlsx_response(
        _filename(plan, "xlsx"), spreadsheets.EXPORT_COLUMNS, selectors.plan_export_rows(user=request.user, plan=plan),
        title=f"{plan.organisation.slug} {plan.year}",
    )


def import_template(request, org, year, ext):
    """An empty plan spreadsheet: the header row and one example row, as CSV or XLSX."""
    plan = _plan(request, org, year)
    _editable(request, plan)
    rows = [selectors.plan_import_example(plan=plan)]
    filename = f"plan-template-{plan.organisation.slug}-{plan.year}.{ext}"
    if ext == "xlsx":
        return xlsx_response(filename, spreadsheets.EXPORT_COLUMNS, rows, title=_("Activities"))
    return csv_response(filename, spreadsheets.EXPORT_COLUMNS, rows)


def findings(request):
    _staff_only(request)
    filters = FindingFilterForm(request.GET or None)
    criteria = filters.cleaned_data if filters.is_valid() else {}
    queryset = selectors.findings_filtered(
        user=request.user, kind=criteria.get("kind", ""), party=criteria.get("party", ""), status=criteria.get("status", ""),
        pk=criteria.get("id"),
    )
    party_map = selectors.parties()
    if request.GET.get("format") == "csv":
        rows = selectors.finding_rows(queryset.iterator(chunk_size=500), party_map, user=request.user)
        return csv_response("findings.csv", selectors.findings_csv_columns(), map(selectors.finding_csv_row, rows))
    page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request, "activities/findings.html",
        {"filters": filters, "page": page, "rows": selectors.finding_rows(page.object_list, party_map, user=request.user),
         "query_string": query.urlencode(), "reason_form": ReasonForm()},
    )


def timeline(request, year):
    _staff_only(request)
    return render(request, "activities/timeline.html", {"timeline": selectors.timeline(user=request.user, year=year)})


def suggest_row(request):
    """Matrix rows that fit the activity's title and description (htmx, as the secretariat types)."""
    _staff_only(request)
    text = f"{request.GET.get('title', '')} {request.GET.get('description', '')}"[:500]
    return render(request, "htmx/row_suggestions.html", {"hits": matrix_lookup(text)[:3] if text.strip() else []})

"""The secretariats' side of the members pages: member accounts, the services catalogue and the newsletter export."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from agreement.models import Organisation
from portal import permissions
from portal.spreadsheets import csv_response

from . import newsletter, services
from .forms import MemberForm, MemberImportForm, ServiceForm
from .services import SERVICE_FIELDS


def _managed_organisations(request):
    """The parties whose members and catalogue the user keeps; nobody else comes in."""
    orgs = [o for o in Organisation.objects.filter(kind=Organisation.Kind.PARTY).order_by("slug")
            if permissions.may_manage_members(request.user, o)]
    if not orgs:
        raise PermissionDenied(_("Member accounts, services and the newsletter are kept by the secretariats."))
    return orgs


def manage_index(request):
    orgs = _managed_organisations(request)
    return render(request, "members/manage/index.html", {"organisations": orgs})


def member_list(request):
    orgs = _managed_organisations(request)
    form = MemberForm(request.POST or None, organisations=orgs)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            member = services.member_create(user=request.user, organisation=data["organisation"], name=data["name"],
                                            email=data["email"], company=data["company"])
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("%(email)s can now set a password: the email is on its way.") % {"email": member.email})
            return redirect("members:manage-members")
    members = {org: services.members_of(user=request.user, organisation=org) for org in orgs}
    return render(request, "members/manage/members.html", {"form": form, "members": members}, status=400 if form.errors else 200)


def member_import(request):
    orgs = _managed_organisations(request)
    form = MemberImportForm(request.POST or None, request.FILES or None, organisations=orgs)
    errors = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            count = services.members_import(user=request.user, organisation=form.cleaned_data["organisation"],
                                            name=upload.name, data=upload.read())
        except services.MembersRejected as exc:
            errors = exc.errors
        else:
            messages.success(request, _("%(count)d members imported; each gets an email to set a password.") % {"count": count})
            return redirect("members:manage-members")
    return render(request, "members/manage/import.html", {"form": form, "errors": errors, "columns": services.MEMBER_COLUMNS},
                  status=400 if errors or form.errors else 200)


def service_list(request):
    orgs = _managed_organisations(request)
    catalogue = permissions.managed_services(request.user).select_related("organisation", "matrix_row").order_by("organisation__slug", "name")
    return render(request, "members/manage/services.html", {"organisations": orgs, "services": catalogue})


def _service_page(request, form, service, organisation):
    history = service.history.select_related("history_user").order_by("-history_date")[:20] if service else []
    return render(request, "members/manage/service_form.html",
                  {"form": form, "service": service, "organisation": organisation, "history": history},
                  status=400 if form.errors else 200)


def service_create(request, org):
    organisation = get_object_or_404(Organisation, slug=org, kind=Organisation.Kind.PARTY)
    if organisation not in _managed_organisations(request):
        raise PermissionDenied(_("Only the party's secretariat keeps its catalogue of services."))
    form = ServiceForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        try:
            services.service_create(user=request.user, organisation=organisation, **{n: form.cleaned_data[n] for n in SERVICE_FIELDS})
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The service has been added."))
            return redirect("members:manage-services")
    return _service_page(request, form, None, organisation)


def service_edit(request, pk):
    _managed_organisations(request)
    service = get_object_or_404(permissions.managed_services(request.user).select_related("organisation"), pk=pk)
    form = ServiceForm(request.POST or None, instance=service, organisation=service.organisation)
    if request.method == "POST" and form.is_valid():
        try:
            services.service_update(user=request.user, service=service, **{n: form.cleaned_data[n] for n in SERVICE_FIELDS})
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The service has been saved."))
            return redirect("members:manage-services")
    return _service_page(request, form, service, service.organisation)


@require_POST
def service_delete(request, pk):
    _managed_organisations(request)
    service = get_object_or_404(permissions.managed_services(request.user), pk=pk)
    services.service_delete(user=request.user, service=service)
    messages.success(request, _("The service \"%(name)s\" has been deleted.") % {"name": service.name})
    return redirect("members:manage-services")


def newsletter_page(request):
    _managed_organisations(request)
    month, rows = newsletter.coming_month(user=request.user)
    snippet = newsletter.html_snippet(rows, month=month)
    if request.GET.get("format") == "csv":
        return csv_response(f"nyhedsbrev-{month:%Y-%m}.csv", newsletter.CSV_COLUMNS, newsletter.csv_rows(rows))
    if request.GET.get("format") == "html":
        return HttpResponse(snippet, content_type="text/html; charset=utf-8")
    return render(request, "members/manage/newsletter.html", {"month": month, "rows": rows, "snippet": snippet})

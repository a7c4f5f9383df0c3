
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.spreadsheets import csv_response

from . import selectors, services
from .forms import NoticeForm
from .models import Notice


def _agreement_or_404():
    agreement = selectors.agreement_get()
    if agreement is None:
        raise Http404(_("The agreement has not been loaded yet (manage.py load_agreement)."))
    return agreement


def agreement_detail(request):
    agreement = _agreement_or_404()
    parties = agreement.parties.all()
    form = NoticeForm(request.POST or None, user=request.user, parties=parties)
    if request.method == "POST" and form.is_valid():
        try:
            services.notice_give(user=request.user, agreement=agreement, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The notice of termination has been recorded."))
            return redirect("agreement:detail")
    return render(
        request,
        "agreement/detail.html",
        {
            "agreement": agreement,
            "clauses": agreement.clauses.prefetch_related("rows"),
            "status": selectors.agreement_status(agreement=agreement),
            "notices": selectors.notices_for_agreement(agreement=agreement),
            "form": form if form.fields["party"].queryset.exists() else None,
        },
    )


@require_POST
def notice_withdraw(request, pk):
    notice = get_object_or_404(Notice, pk=pk)
    try:
        services.notice_withdraw(user=request.user, notice=notice)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The notice of termination has been withdrawn."))
    return redirect("agreement:detail")


def matrix(request):
    return render(request, "agreement/matrix.html", {"areas": selectors.matrix_grid(), "columns": selectors.GRID_COLUMNS})


def matrix_row(request, code):
    row = get_object_or_404(selectors.matrix_rows(), code=code)
    return render(request, "agreement/matrix_row.html", {"row": row})


MATRIX_CSV_COLUMNS = ["id", "area", "responsibility", "lead", "other_party", "single_track"]


def matrix_csv(request):
    rows = (
        [row.code, row.area.slug, row.responsibility, row.lead, row.other_party, "yes" if row.single_track else "no"]
        for row in selectors.matrix_rows()
    )
    return csv_response("matrix.csv", MATRIX_CSV_COLUMNS, rows)


def lookup(request):
    query = request.GET.get("q", "").strip()[:200]
    hits = selectors.matrix_lookup(query) if query else []
    template = "htmx/lookup_results.html" if request.htmx else "agreement/lookup.html"
    return render(request, template, {"query": query, "hits": hits})

"""The activities pages. Coordinating a plan and answering a finding (the two parties' words) are
coordination's (coordination/urls_twoparty.py, mounted under /activities/ ahead of these)."""

from django.urls import path

from . import views

app_name = "activities"
plan = "<slug:org>/<year:year>/"
urlpatterns = [
    path("", views.index, name="index"),
    path("findings/", views.findings, name="findings"),
    path("timeline/<year:year>/", views.timeline, name="timeline"),
    path("suggest-row/", views.suggest_row, name="suggest-row"),
    path(plan, views.plan_detail, name="plan"),
    path(plan + "create/", views.plan_create, name="plan-create"),
    path(plan + "checks/", views.plan_checks, name="plan-checks"),
    path(plan + "submit/", views.plan_submit, name="plan-submit"),
    path(plan + "duplicate/", views.plan_duplicate, name="plan-duplicate"),
    path(plan + "import/", views.plan_import, name="plan-import"),
    path(plan + "import/template.csv", views.import_template, {"ext": "csv"}, name="import-template-csv"),
    path(plan + "import/template.xlsx", views.import_template, {"ext": "xlsx"}, name="import-template-xlsx"),
    path(plan + "export.csv", views.export_csv, name="export-csv"),
    path(plan + "export.xlsx", views.export_xlsx, name="export-xlsx"),
    path(plan + "activities/new/", views.activity_create, name="activity-create"),
    path(plan + "activities/<id:pk>/", views.activity_edit, name="activity"),
    path(plan + "activities/<id:pk>/delete/", views.activity_delete, name="activity-delete"),
]

# i11d: the partner party confirms a joint activity (or withdraws its confirmation).
from . import views_partners  # noqa: E402

urlpatterns += [
    path(plan + "activities/<id:pk>/confirm-partner/", views_partners.confirm_partner, name="activity-confirm-partner"),
    path(plan + "activities/<id:pk>/withdraw-partner/", views_partners.withdraw_partner, name="activity-withdraw-partner"),
]

"""The two parties' words, at the addresses they have always had under /activities/ (CONTRACT.md).

Mounted in portal/urls.py ahead of activities' own URLs, under the namespace `twoparty`.
"""

from django.urls import path

from . import views_twoparty as views

app_name = "twoparty"
urlpatterns = [
    path("findings/<id:pk>/acknowledge/", views.finding_acknowledge, name="finding-acknowledge"),
    path("findings/<id:pk>/dismiss/", views.finding_dismiss, name="finding-dismiss"),
    path("findings/<id:pk>/propose/", views.finding_propose, name="finding-propose"),
    path("<slug:org>/<year:year>/coordinate/", views.plan_coordinate, name="plan-coordinate"),
]

from django.urls import path

from . import views

app_name = "agreement"
urlpatterns = [
    path("", views.agreement_detail, name="detail"),
    path("notices/<id:pk>/withdraw/", views.notice_withdraw, name="notice-withdraw"),
    path("matrix/", views.matrix, name="matrix"),
    path("matrix.csv", views.matrix_csv, name="matrix-csv"),
    path("matrix/<str:code>/", views.matrix_row, name="matrix-row"),
    path("lookup/", views.lookup, name="lookup"),
]

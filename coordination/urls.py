"""URLs of director contacts, under /governance/contacts/ where they have always been (CONTRACT.md)."""

from django.urls import path

from . import views

app_name = "coordination"
urlpatterns = [
    path("", views.contact_list, name="contacts"),
    path("new/", views.contact_create, name="contact-create"),
    path("<id:pk>/", views.contact_detail, name="contact-detail"),
    path("<id:pk>/edit/", views.contact_update, name="contact-update"),
    path("actions/<id:pk>/done/", views.action_item_done, name="action-item-done"),
    # i11c: the month-by-month record on its own (board chairs see it too)
    path("months/", views.month_record_list, name="months"),
]

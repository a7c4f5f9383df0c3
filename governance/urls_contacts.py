"""URLs of director contacts (under /governance/contacts/)."""

from django.urls import path

from . import contact_views

urlpatterns = [
    path("contacts/", contact_views.contact_list, name="contacts"),
    path("contacts/new/", contact_views.contact_create, name="contact-create"),
    path("contacts/<id:pk>/", contact_views.contact_detail, name="contact-detail"),
    path("contacts/<id:pk>/edit/", contact_views.contact_update, name="contact-update"),
    path("contacts/actions/<id:pk>/done/", contact_views.action_item_done, name="action-item-done"),
]

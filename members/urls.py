from django.urls import path

from . import manage_views, views

app_name = "members"

urlpatterns = [
    path("", views.index, name="index"),
    path("activities/", views.activities, name="activities"),
    path("activities/<id:pk>/", views.activity_detail, name="activity"),
    path("services/", views.services, name="services"),
    path("contact/", views.contact, name="contact"),
    path("calendar.ics", views.calendar_ics, name="calendar"),
    path("feed.atom", views.feed_atom, name="feed"),
]

# The secretariats' side (login needed; members and everyone else get 403).
urlpatterns += [
    path("manage/", manage_views.manage_index, name="manage"),
    path("manage/members/", manage_views.member_list, name="manage-members"),
    path("manage/members/import/", manage_views.member_import, name="manage-members-import"),
    path("manage/services/", manage_views.service_list, name="manage-services"),
    path("manage/services/<slug:org>/new/", manage_views.service_create, name="manage-service-create"),
    path("manage/services/<id:pk>/", manage_views.service_edit, name="manage-service"),
    path("manage/services/<id:pk>/delete/", manage_views.service_delete, name="manage-service-delete"),
    path("manage/newsletter/", manage_views.newsletter_page, name="manage-newsletter"),
]

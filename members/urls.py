from django.urls import path

from . import views

app_name = "members"

urlpatterns = [
    path("", views.index, name="index"),
    path("activities/", views.activities, name="activities"),
    path("activities/<int:pk>/", views.activity_detail, name="activity"),
    path("services/", views.services, name="services"),
    path("contact/", views.contact, name="contact"),
    path("calendar.ics", views.calendar_ics, name="calendar"),
    path("feed.atom", views.feed_atom, name="feed"),
]

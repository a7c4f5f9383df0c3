"""URLs of boards, meetings and materials (under /governance/)."""

from django.urls import path

from . import views, views_meetings

app_name = "governance"
urlpatterns = [
    path("boards/", views.boards, name="boards"),
    path("meetings/", views.meetings, name="meetings"),
    path("meetings/new/", views_meetings.meeting_create, name="meeting-create"),
    path("meetings/<id:pk>/", views.meeting, name="meeting"),
    path("meetings/<id:pk>/items/", views_meetings.agenda_item_create, name="agenda-item-create"),
    path("meetings/<id:pk>/materials.zip", views.meeting_zip, name="meeting-zip"),
    path("meetings/<id:pk>/upload/", views.material_upload, name="material-upload"),
    path("materials/<id:pk>/download/", views.material_download, name="material-download"),
    path("materials/<id:pk>/versions/<id:number>/download/", views.material_version_download, name="material-version-download"),
    path("materials/<id:pk>/new-version/", views.material_new_version, name="material-new-version"),
    path("downloads/", views.download_log, name="download-log"),
    path("calendar/", views.calendar_link, name="calendar"),
]

# i12b: running meetings (change, move, cancel), the agenda, invitations and attendance
urlpatterns += [
    path("meetings/<id:pk>/edit/", views_meetings.meeting_edit, name="meeting-edit"),
    path("meetings/<id:pk>/cancel/", views_meetings.meeting_cancel, name="meeting-cancel"),
    path("meetings/<id:pk>/invitation.ics", views_meetings.meeting_invitation, name="meeting-invitation"),
    path("meetings/<id:pk>/attendance/", views_meetings.meeting_attendance, name="meeting-attendance"),
    path("items/<id:pk>/edit/", views_meetings.agenda_item_edit, name="agenda-item-edit"),
    path("items/<id:pk>/move/", views_meetings.agenda_item_move, name="agenda-item-move"),
    path("items/<id:pk>/remove/", views_meetings.agenda_item_remove, name="agenda-item-remove"),
]

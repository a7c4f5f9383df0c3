"""URLs of boards, meetings and materials (under /governance/)."""

from django.urls import path

from . import views

app_name = "governance"
urlpatterns = [
    path("boards/", views.boards, name="boards"),
    path("meetings/", views.meetings, name="meetings"),
    path("meetings/new/", views.meeting_create, name="meeting-create"),
    path("meetings/<id:pk>/", views.meeting, name="meeting"),
    path("meetings/<id:pk>/items/", views.agenda_item_create, name="agenda-item-create"),
    path("meetings/<id:pk>/materials.zip", views.meeting_zip, name="meeting-zip"),
    path("meetings/<id:pk>/upload/", views.material_upload, name="material-upload"),
    path("materials/<id:pk>/download/", views.material_download, name="material-download"),
    path("materials/<id:pk>/versions/<id:number>/download/", views.material_version_download, name="material-version-download"),
    path("materials/<id:pk>/new-version/", views.material_new_version, name="material-new-version"),
    path("downloads/", views.download_log, name="download-log"),
    path("calendar/", views.calendar_link, name="calendar"),
]

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

# i12c: the board pack (drafts, publishing, withdrawal, minutes approved by the chair)
from . import views_publishing  # noqa: E402

urlpatterns += [
    path("meetings/<id:pk>/publish/", views_publishing.meeting_publish, name="meeting-publish"),
    path("materials/<id:pk>/publish/", views_publishing.material_publish, name="material-publish"),
    path("materials/<id:pk>/withdraw/", views_publishing.material_withdraw, name="material-withdraw"),
    path("materials/<id:pk>/restore/", views_publishing.material_restore, name="material-restore"),
    path("materials/<id:pk>/approve/", views_publishing.minutes_approve, name="minutes-approve"),
]

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

# i12c: the board pack (drafts, publishing, withdrawal, minutes approved by the chair)
from . import views_publishing  # noqa: E402

urlpatterns += [
    path("meetings/<id:pk>/publish/", views_publishing.meeting_publish, name="meeting-publish"),
    path("materials/<id:pk>/publish/", views_publishing.material_publish, name="material-publish"),
    path("materials/<id:pk>/withdraw/", views_publishing.material_withdraw, name="material-withdraw"),
    path("materials/<id:pk>/restore/", views_publishing.material_restore, name="material-restore"),
    path("materials/<id:pk>/approve/", views_publishing.minutes_approve, name="minutes-approve"),
]

# i12a: one board's people and seats, their history, and the composition as a spreadsheet (§3 G1, G2).
from . import views_boards  # noqa: E402

urlpatterns += [
    path("boards/<slug:org>/", views_boards.board, name="board"),
    path("boards/<slug:org>/people/new/", views_boards.person_create, name="person-create"),
    path("boards/<slug:org>/people/<id:pk>/edit/", views_boards.person_edit, name="person-edit"),
    path("boards/<slug:org>/seats/new/", views_boards.seat_create, name="seat-create"),
    path("boards/<slug:org>/seats/<id:pk>/edit/", views_boards.seat_edit, name="seat-edit"),
    path("boards/<slug:org>/seats/<id:pk>/end/", views_boards.seat_end, name="seat-end"),
    path("boards/<slug:org>/history/", views_boards.history, name="board-history"),
    path("boards/<slug:org>/export.csv", views_boards.export, {"fmt": "csv"}, name="board-export"),
    path("boards/<slug:org>/export.xlsx", views_boards.export, {"fmt": "xlsx"}, name="board-export-xlsx"),
    path("boards/<slug:org>/import/", views_boards.board_import, name="board-import"),
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

"""The root URLs: the project's shell, on top of every app (it may import any of them)."""

from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from django.views.i18n import set_language
from django.contrib.sitemaps.views import sitemap as sitemap_view

from coordination import views as coordination_views
from governance import views as governance_views
from members import views as members_views
from members.sitemaps import SITEMAPS

from . import views
from .views import mfa as views_mfa

urlpatterns = [
    path("", coordination_views.dashboard, name="dashboard"),
    path("welcome/", views.landing, name="landing"),
    path("notifications/", views.notification_list, name="notifications"),
    path("audit/", views.audit_log, name="audit"),
    path("notifications/read/", views.notification_read, name="notifications-read"),
    path("notifications/settings/", views.notification_settings, name="notification-settings"),
    path("accounts/mfa/", views_mfa.mfa_verify, name="mfa-verify"),
    path("accounts/mfa/setup/", views_mfa.mfa_setup, name="mfa-setup"),
    path("accounts/mfa/recovery-codes/", views_mfa.mfa_recovery_codes, name="mfa-recovery-codes"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path("agreement/", include("agreement.urls")),
    # The parties' words on plans and findings (coordination), at their /activities/ addresses.
    path("activities/", include("coordination.urls_twoparty")),
    path("activities/", include("activities.urls")),
    path("governance/contacts/", include("coordination.urls")),
    path("governance/", include("governance.urls")),
    path("calendar/<str:token>.ics", governance_views.calendar_feed, name="calendar-feed"),
    path("members/", include("members.urls")),
    path("sitemap.xml", login_not_required(sitemap_view), {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", members_views.robots_txt, name="robots"),
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
    # Director contacts moved from the governance app to coordination: old admin bookmarks still work.
    path("admin/", include([
        re_path(
            r"^governance/(?P<model>directorcontact|actionitem|monthrecord)/(?P<rest>.*)$",
            RedirectView.as_view(url="/admin/coordination/%(model)s/%(rest)s", query_string=True, permanent=True),
        ),
    ])),
    path("admin/", admin.site.urls),
]

handler400 = "portal.errors.bad_request"
handler403 = "portal.errors.permission_denied"
handler404 = "portal.errors.page_not_found"
handler500 = "portal.errors.server_error"

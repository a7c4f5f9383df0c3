from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from .. import audit, notifications, permissions, selectors
from ..forms import NotificationPreferencesForm
from ..parsing import parse_id, parse_ids
from ..registry import registry


def landing(request):
    return redirect(selectors.landing_url(user=request.user))


def notification_list(request):
    page = Paginator(notifications.notifications_for(request.user), 25).get_page(request.GET.get("page"))
    return render(request, "portal/notifications.html", {"page": page})


def notification_settings(request):
    """The user's choice, per kind of message, between email at once and the daily digest."""
    current = notifications.preferences_for(request.user)
    form = NotificationPreferencesForm(request.POST or None, initial=current)
    if request.method == "POST" and form.is_valid():
        notifications.preferences_update(user=request.user, choices=form.cleaned_data)
        messages.success(request, _("Your email settings are saved."))
        return redirect("notification-settings")
    return render(
        request,
        "portal/notification_settings.html",
        {"form": form, "digest_hour": settings.PORTAL_DIGEST_HOUR},
    )


@require_POST
def notification_read(request):
    ids = request.POST.getlist("id")
    count = notifications.mark_read(user=request.user, notification_ids=parse_ids(ids) if ids else None)
    messages.success(request, _("%(count)d notifications marked as read.") % {"count": count})
    return redirect("notifications")


@login_not_required
@never_cache
def healthz(request):
    """Liveness: the process answers."""
    return HttpResponse("ok", content_type="text/plain")


@login_not_required
@never_cache
def readyz(request):
    """Readiness: the database answers, and the broker too when one is configured."""
    from django.conf import settings

    checks = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        checks["database"] = "ok"
    except Exception as exc:
        checks["database"] = f"error: {exc.__class__.__name__}"
    if settings.REDIS_URL:
        try:
            import redis

            redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=1, socket_timeout=1).ping()
            checks["broker"] = "ok"
        except Exception as exc:
            checks["broker"] = f"error: {exc.__class__.__name__}"
    ok = all(v == "ok" for v in checks.values())
    return JsonResponse({"status": "ok" if ok else "unavailable", "checks": checks}, status=200 if ok else 503)


def audit_log(request):
    """Who changed what and who downloaded what (the governance app's download log), in one place for the administrators."""
    if not permissions.is_administrator(request.user):
        raise PermissionDenied
    model = request.GET.get("model") or None
    user_id = parse_id(request.GET.get("user", ""))
    return render(
        request,
        "portal/audit.html",
        {
            "changes": audit.recent_changes(model_label=model, user_id=user_id),
            "downloads": registry.audit_sources["downloads"](user=request.user).filter(**({"user_id": user_id} if user_id else {}))[:25],
            "models": audit.audited_models(),
            "users": get_user_model().objects.order_by("username"),
            "selected_model": model,
            "selected_user": user_id,
        },
    )

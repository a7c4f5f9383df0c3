from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers


class PortalLocaleMiddleware:
    """Danish unless the user chose English with the language switch (a cookie that sticks).

    Unlike Django's LocaleMiddleware, the browser's Accept-Language is ignored on purpose: the
    portal's working language is Danish for everyone until they ask otherwise.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.languages = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if language not in self.languages:
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        patch_vary_headers(response, ("Cookie",))
        response.headers.setdefault("Content-Language", language)
        return response


class MFARequiredMiddleware:
    """With PORTAL_REQUIRE_MFA on, users who need two-factor login reach nothing but the two-factor pages until verified."""

    ALLOWED_PREFIXES = ("/accounts/mfa/", "/accounts/logout/", "/i18n/", "/static/", "/healthz", "/readyz", "/calendar/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.PORTAL_REQUIRE_MFA and self._must_verify(request):
            from django.shortcuts import redirect
            from django.urls import reverse

            return redirect(f"{reverse('mfa-verify')}?next={request.get_full_path()}")
        return self.get_response(request)

    def _must_verify(self, request) -> bool:
        from . import permissions

        user = request.user
        if not user.is_authenticated or request.path.startswith(self.ALLOWED_PREFIXES):
            return False
        return permissions.needs_mfa(user) and not user.is_verified()


class SessionIdleMiddleware:
    """Sessions expire after SESSION_COOKIE_AGE without use: touch the session (at most once a minute) while it is used.

    Saving on every request (SESSION_SAVE_EVERY_REQUEST) would cost a write per page; once a minute
    keeps the idle limit to within a minute.
    """

    TOUCH_EVERY = 60

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        import time

        response = self.get_response(request)
        session = getattr(request, "session", None)
        if session is not None and getattr(request, "user", None) is not None and request.user.is_authenticated:
            now = int(time.time())
            if now - session.get("_touched", 0) >= self.TOUCH_EVERY:
                session["_touched"] = now
        return response


class MembersAreaMiddleware:
    """A member company's person sees the members pages and their own account, nothing of the staff portal.

    The start page sends them to /members/; every other staff address is refused (403), whatever
    the view would have answered, so a staff page added later is closed to members from the start.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from . import permissions

        if not permissions.may_open_staff_path(request.user, request.path):
            from django.core.exceptions import PermissionDenied
            from django.shortcuts import redirect
            from django.utils.translation import gettext as _

            if request.path in ("/", "/welcome/"):
                return redirect("/members/")
            raise PermissionDenied(_("Member accounts see the members pages only."))
        return self.get_response(request)

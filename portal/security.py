"""Small guards for hostile input that reaches code we do not own (django-axes, the database driver)."""

from django.contrib.auth import get_user_model
from django.shortcuts import render


def axes_username(request, credentials) -> str:
    """The username django-axes records for a login attempt, cut to what a username can be.

    Axes stores the attempted name in a 255-character column; a longer (hostile) name would fail
    the login page with a database error instead of a plain "wrong username or password".
    """
    name = (credentials or {}).get("username") or request.POST.get("username", "")
    limit = get_user_model()._meta.get_field("username").max_length
    return str(name).replace("\x00", "")[:limit]


class RejectNulBytesMiddleware:
    """A request whose parameters hold NUL bytes gets a clear 400 page, not a database error.

    PostgreSQL text cannot hold NUL; no form of the portal has a use for it. Uploaded file
    contents are not parameters and are left alone.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._has_nul(request.GET) or (request.method == "POST" and self._has_nul(request.POST)):
            return render(request, "400.html", {"reason": "nul"}, status=400)
        return self.get_response(request)

    @staticmethod
    def _has_nul(params) -> bool:
        return any("\x00" in key or any("\x00" in value for value in params.getlist(key)) for key in params)

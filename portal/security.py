"""Small guards for hostile input that reaches code we do not own (django-axes, the database driver)."""

import ipaddress

from django.conf import settings
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


def client_address(request) -> str | None:
    """The client's address: REMOTE_ADDR, unless PORTAL_TRUSTED_PROXIES says how many proxies stand in front.

    Each proxy appends the address it was contacted from to X-Forwarded-For, so with N trusted
    proxies the client is the N-th entry from the right; anything to its left was written by the
    client and is not believed. Without the setting the header is ignored: anyone can send it.
    """
    remote = request.META.get("REMOTE_ADDR")
    proxies = settings.PORTAL_TRUSTED_PROXIES
    if proxies <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if not forwarded:
        return remote
    candidate = forwarded[-min(proxies, len(forwarded))]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote


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

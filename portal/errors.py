"""Error pages in the portal's frame (403 and 404), and a self-contained 500."""

from django.shortcuts import render
from django.template import loader
from django.http import HttpResponseServerError


def bad_request(request, exception=None):
    return render(request, "400.html", status=400)


def permission_denied(request, exception=None):
    return render(request, "403.html", {"reason": str(exception or "")}, status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    return HttpResponseServerError(loader.get_template("500.html").render())

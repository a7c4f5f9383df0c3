"""The members pages (/members/…): no login needed, read-only; each page shows what its reader may see."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from functools import wraps

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.contrib import messages
from django.core.cache import cache
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from portal import permissions

from . import feeds, selectors
from .forms import ActivityFilterForm

PAGE_SIZE = 25
FRAGMENT_SECONDS = 3600
LANGUAGES = {code for code, _name in settings.LANGUAGES}


def members_page(view):
    """A public members page: no login; `?lang=da|en` (the hreflang addresses) picks the language for this request."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        language = request.GET.get("lang")
        if language in LANGUAGES:
            translation.activate(language)
            request.LANGUAGE_CODE = language
        response = view(request, *args, **kwargs)
        response.headers["Content-Language"] = translation.get_language()
        return response

    return login_not_required(require_GET(wrapper))


TOKEN_SLOT = "members-csrf-token-slot"


def _render(request, template: str, context) -> HttpResponse:
    """The page; for anonymous visitors the whole page comes from the cache.

    Nothing in an anonymous visitor's page is personal except the CSRF token of the language
    switch, so the page is cached with a placeholder that each response fills with the visitor's
    own token. A page with a message waiting for the visitor is rendered afresh, and not cached.
    `context` is a dict or a function returning one, called only when the page is rendered.
    """
    if request.user.is_authenticated or len(messages.get_messages(request)):
        return render(request, template, context() if callable(context) else context)
    key = selectors.cache_key("page", request.path, request.GET.urlencode()[:1000], user=request.user)
    html = cache.get(key)
    if html is None:
        context = context() if callable(context) else context
        html = render_to_string(template, {**context, "csrf_token": TOKEN_SLOT}, request=request)
        cache.set(key, html, FRAGMENT_SECONDS)
    return HttpResponse(html.replace(TOKEN_SLOT, get_token(request)))


def _seo(request, *, title: str, description: str) -> dict:
    """Canonical address, its Danish and English alternates, and the OpenGraph title and description."""
    base = settings.PORTAL_BASE_URL.rstrip("/")
    canonical = base + request.path
    return {
        "may_manage": permissions.may_manage_members(request.user),
        "seo": {
            "title": title, "description": description, "canonical": canonical,
            "alternates": [("da", f"{canonical}?lang=da"), ("en", f"{canonical}?lang=en"), ("x-default", canonical)],
        }
    }


def _filters(request):
    form = ActivityFilterForm(
        request.GET or None, parties=selectors.parties(), areas=selectors.task_areas(), groups=selectors.target_groups(user=request.user)
    )
    form.is_valid()
    return form, form.criteria()


@members_page
def index(request):
    context = selectors.who_does_what()
    context.update(_seo(request, title=_("Who does what: CenSec and DI FOS"), description=_(
        "Why there are two organisations, what each of them does, and how their work fits together."
    )))
    return _render(request, "members/index.html", context)


@members_page
def activities(request):
    """The list and the month calendar (for anonymous visitors the whole page is cached, see _render)."""
    return _render(request, "members/activities.html", lambda: _activities_context(request))


def _activities_context(request) -> dict:
    """The filter form and the results are one cached fragment per filter, audience and language."""
    page_number = request.GET.get("page", "1")[:6]
    key = selectors.cache_key("activities", request.GET.urlencode()[:1000], user=request.user)
    body = cache.get(key)
    if body is None:
        form, criteria = _filters(request)
        month = criteria.month or timezone.localdate().replace(day=1)
        rows = selectors.activities_filtered(user=request.user, criteria=criteria)
        page = Paginator(rows, PAGE_SIZE).get_page(page_number)
        month_rows = rows if criteria.month else selectors.activities_filtered(user=request.user, criteria=replace(criteria, month=month))
        query = request.GET.copy()
        query.pop("page", None)
        query.pop("month", None)
        body = render_to_string("members/includes/activity_results.html", {
            "form": form, "page": page, "count": len(rows), "criteria": criteria, "month": month,
            "weeks": selectors.month_calendar(month_rows, month), "query": query.urlencode(),
            "previous_month": (month - dt.timedelta(days=1)).replace(day=1).strftime("%Y-%m"),
            "next_month": (month + dt.timedelta(days=32)).replace(day=1).strftime("%Y-%m"),
        })
        cache.set(key, body, FRAGMENT_SECONDS)
    context = {"results": mark_safe(body), "feed_query": _feed_query(request)}  # noqa: S308 - our own template's output
    context.update(_seo(request, title=_("Activities of CenSec and DI FOS"), description=_(
        "The coming activities of both organisations in one list and one calendar."
    )))
    return context


def _feed_query(request) -> str:
    query = request.GET.copy()
    for name in ("page", "lang"):
        query.pop(name, None)
    return query.urlencode()


@members_page
def activity_detail(request, pk):
    row = selectors.activity_get(user=request.user, pk=pk)
    if row is None:
        raise Http404(_("There is no such activity."))
    context = {"a": row}
    context.update(_seo(request, title=row.title, description=row.description[:200] or row.title))
    return _render(request, "members/activity.html", context)


@members_page
def services(request):
    organisation = request.GET.get("organisation", "")
    task_area = request.GET.get("task_area", "")
    q = request.GET.get("q", "")[:100]
    context = {
        "services": selectors.services_filtered(user=request.user, organisation=organisation, task_area=task_area, q=q),
        "parties": selectors.parties(), "areas": selectors.task_areas(),
        "selected": {"organisation": organisation, "task_area": task_area, "q": q},
    }
    context.update(_seo(request, title=_("Services of CenSec and DI FOS"), description=_(
        "What each organisation offers its members, and whom to contact."
    )))
    return _render(request, "members/services.html", context)


@members_page
def contact(request):
    query = request.GET.get("q", "").strip()[:200]
    context = {"query": query, "answers": selectors.contact_lookup(user=request.user, query=query) if query else []}
    context.update(_seo(request, title=_("Whom do I contact?"), description=_(
        "Describe your question and see which organisation handles it, and whom to write to."
    )))
    return _render(request, "members/contact.html", context)


def _feed_rows(request):
    _form, criteria = _filters(request)
    if criteria.month:
        return selectors.activities_filtered(user=request.user, criteria=criteria)
    # Without a month: the coming activities and those of the last 90 days, so a calendar keeps recent history.
    return selectors.activities_filtered(user=request.user, criteria=criteria, today=timezone.localdate() - dt.timedelta(days=90))


@members_page
def calendar_ics(request):
    key = selectors.cache_key("ics", _feed_query(request), user=request.user)
    body = cache.get(key)
    if body is None:
        body = feeds.ics(_feed_rows(request), base_url=settings.PORTAL_BASE_URL.rstrip("/"))
        cache.set(key, body, FRAGMENT_SECONDS)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="censec-difos-aktiviteter.ics"'
    return response


@members_page
def feed_atom(request):
    key = selectors.cache_key("atom", _feed_query(request), user=request.user)
    body = cache.get(key)
    if body is None:
        base = settings.PORTAL_BASE_URL.rstrip("/")
        body = feeds.atom(
            _feed_rows(request), base_url=base, feed_url=base + request.get_full_path(),
            title=_("Activities of CenSec and DI FOS"), link=base + reverse("members:activities"),
        )
        cache.set(key, body, FRAGMENT_SECONDS)
    return HttpResponse(body, content_type="application/atom+xml; charset=utf-8")


@login_not_required
@require_GET
def robots_txt(request):
    """Crawlers may read the members pages; nothing else of the portal is for them."""
    base = settings.PORTAL_BASE_URL.rstrip("/")
    lines = ["User-agent: *", "Allow: /members/", "Disallow: /members/manage/", "Disallow: /", "", f"Sitemap: {base}/sitemap.xml", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")

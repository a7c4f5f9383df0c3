"""The main navigation, by role: the entries the apps registered (portal.registry), in their order.

A registered entry whose URL name does not resolve raises NoReverseMatch: a broken name fails the
tests instead of vanishing from the menu.
"""

from django.urls import reverse

from . import permissions
from .registry import registry


def everyone(user) -> bool:
    return True


def nav_for(user, current_path: str) -> list[dict]:
    items = []
    for item in registry.navigation:
        if not item.visible(user):
            continue
        url = reverse(item.url_name)
        if not permissions.may_open_staff_path(user, url):
            continue
        active = current_path == url if url == "/" else current_path.startswith(url)
        items.append({"label": item.label, "url": url, "active": active})
    return items

from django.utils.functional import SimpleLazyObject

from . import navigation, notifications, permissions


def portal(request):
    """What every page's frame needs: navigation by role and the unread count (the notice banner: agreement.context_processors)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    if permissions.is_member_only(user):
        # Members see the members pages only: no staff navigation, notices or notifications.
        return {"nav": SimpleLazyObject(lambda: navigation.nav_for(user, request.path)), "is_member_only": True}
    return {
        "nav": SimpleLazyObject(lambda: navigation.nav_for(user, request.path)),
        "unread_notifications": SimpleLazyObject(lambda: notifications.unread_count(user)),
        "is_portal_admin": SimpleLazyObject(lambda: permissions.is_administrator(user)),
    }

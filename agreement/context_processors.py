from django.utils.functional import SimpleLazyObject

from .selectors import agreement_status_cached


def agreement(request):
    """The agreement's status for every page's notice banner (§6)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"agreement_status": SimpleLazyObject(agreement_status_cached)}

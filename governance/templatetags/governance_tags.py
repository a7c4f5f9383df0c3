"""Template filters of the board pages."""

from django import template

register = template.Library()


@register.filter
def earlier_versions(number: int) -> range:
    """The version numbers before `number`, newest first (a material keeps all its versions)."""
    return range(number - 1, 0, -1)


@register.filter
def get_item(mapping, key):
    """mapping[key], or None when it is not there (a lookup, not a rule)."""
    return mapping.get(key) if hasattr(mapping, "get") else None

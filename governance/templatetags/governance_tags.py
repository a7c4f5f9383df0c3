"""Template filters of the board pages."""

from django import template

register = template.Library()


@register.filter
def earlier_versions(number: int) -> range:
    """The version numbers before `number`, newest first (a material keeps all its versions)."""
    return range(number - 1, 0, -1)

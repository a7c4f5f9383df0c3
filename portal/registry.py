"""What the apps contribute to the shared screens and questions of the ground floor.

The ground floor (`portal`: accounts and roles, permissions, notifications, the queue, the cache)
imports no app above it, not even inside a function. Where it must know about an app's objects —
a permission rule on plans, a navigation entry, a dashboard card, the page a role lands on — the
app registers its part here from its own `contributions.py` (imported by its AppConfig.ready()),
and the ground floor asks the registry. The idea is NetBox's `netbox/registry.py`.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import ImproperlyConfigured


@dataclass(frozen=True)
class NavItem:
    """One entry of the main navigation: shown to users for whom `visible(user)` is true, in `order`."""

    label: str
    url_name: str
    visible: Callable
    order: int


@dataclass(frozen=True)
class DashboardCard:
    """Data for one card of the coordination dashboard: `data(user=…, today=…, now=…)` fills `key`.

    None means "not for this user": the card is left out.
    """

    key: str
    data: Callable
    order: int


@dataclass(frozen=True)
class LandingPage:
    """Where users whose roles all lie within `roles` land after login, instead of the dashboard."""

    roles: frozenset
    url_name: str


@dataclass(frozen=True)
class PageExtension:
    """A part a higher app adds to a lower app's page (e.g. coordination's approvals on a plan page).

    `data(user=…, objects=[…])` returns {object pk: value} for the objects the page shows, in a fixed
    number of queries; the page includes `template` with `data` (the object's value) for each object.
    `csv_column`, if set, names a column the page's CSV appends, filled with `str(value)`.
    """

    page: str
    key: str
    data: Callable
    template: str
    order: int = 0
    csv_column: str = ""


@dataclass
class Registry:
    permission_rules: dict[str, Callable] = field(default_factory=dict)
    navigation: list[NavItem] = field(default_factory=list)
    dashboard_cards: list[DashboardCard] = field(default_factory=list)
    landing_pages: list[LandingPage] = field(default_factory=list)
    audit_sources: dict[str, Callable] = field(default_factory=dict)
    page_extensions: list[PageExtension] = field(default_factory=list)


registry = Registry()


def register_rule(func: Callable) -> Callable:
    """Register `func` as a permission rule, answered as `portal.permissions.<its name>`."""
    name = func.__name__
    if name in registry.permission_rules and registry.permission_rules[name] is not func:
        raise ImproperlyConfigured(f"Two apps register the permission rule {name!r}.")
    registry.permission_rules[name] = func
    return func


def register_nav(*items: NavItem) -> None:
    registry.navigation.extend(item for item in items if item not in registry.navigation)
    registry.navigation.sort(key=lambda item: item.order)


def register_dashboard_card(card: DashboardCard) -> None:
    if card in registry.dashboard_cards:
        return
    if any(c.key == card.key for c in registry.dashboard_cards):
        raise ImproperlyConfigured(f"Two apps register the dashboard card {card.key!r}.")
    registry.dashboard_cards.append(card)
    registry.dashboard_cards.sort(key=lambda c: c.order)


def register_landing_page(page: LandingPage) -> None:
    if page not in registry.landing_pages:
        registry.landing_pages.append(page)


def register_audit_source(name: str, func: Callable) -> None:
    """A log the audit page shows beside the change history: `func(user=…)` returns what that user may read."""
    registry.audit_sources[name] = func


def register_page_extension(extension: PageExtension) -> None:
    if extension in registry.page_extensions:
        return
    if any(e.page == extension.page and e.key == extension.key for e in registry.page_extensions):
        raise ImproperlyConfigured(f"Two apps register the extension {extension.key!r} of page {extension.page!r}.")
    registry.page_extensions.append(extension)
    registry.page_extensions.sort(key=lambda e: e.order)


def page_extensions(page: str) -> list[PageExtension]:
    """The parts other apps add to `page` ("plan", "finding"), in order."""
    return [e for e in registry.page_extensions if e.page == page]

"""Governance models: boards, seats, meetings and materials (§3), and director contacts (§5)."""

from .boards import *  # noqa: F401,F403
from .contacts import *  # noqa: F401,F403

"""Governance models: boards, seats, meetings and materials (§3)."""

from .boards import *  # noqa: F401,F403

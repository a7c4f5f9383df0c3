"""Governance models: boards, seats, meetings and materials (§3)."""

from .boards import *  # noqa: F401,F403
from .board_pack import *  # noqa: F401,F403,E402  (i12c: the board pack)

"""Boards, people, seats, meetings, agenda items and materials (§3 G1, G2)."""

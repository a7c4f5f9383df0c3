"""Governance models."""

"""Activities models."""

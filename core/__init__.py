"""The base layer: imports no domain app (see docs/architecture.md)."""

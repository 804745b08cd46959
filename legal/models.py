"""Versioned policies and consent records (see the policy issue)."""

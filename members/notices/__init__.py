"""Notices to members: security incidents and service termination (issue 13)."""

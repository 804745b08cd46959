"""Subscriptions API: subscribe (double opt-in), confirm, unsubscribe, the tracking
choice and tracking links, and a member's own subscription."""

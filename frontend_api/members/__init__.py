"""Member API: profile, avatar, export, cancellation, privacy requests."""

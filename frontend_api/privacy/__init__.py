"""Privacy API: the member's data export and privacy requests."""

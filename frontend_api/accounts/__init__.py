"""Account API: the member's profile, avatar and account cancellation."""

"""Accounts: the user model (members and staff), profile, avatar, phone numbers,
the allauth glue (adapters, sign-up form, rate-limit reader) and the account
operations (profile update, sessions, cancellation)."""

"""Privacy: the member's rights of access and erasure (export, the erasure pass of
cancellation), privacy requests and their working-day calendar, the privacy
officer's queue in the admin, and the registry entries of the Django, Wagtail and
allauth models that point at users. The registry itself is ``core.privacy``."""

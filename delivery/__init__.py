"""Delivery: telling the outside world that content changed.

Signal handlers that invalidate cached API responses (``cache_signals``, tag names
in ``cache_tags``), the CDN purge (``purge``), signed webhooks to pre-rendering
frontends (``webhooks``, sent by ``tasks`` through ``sending``) with their admin
screens (``wagtail_hooks``), and the publishing hooks that start them
(``publishing``). The webhook tables stay in the ``cms`` app.
"""

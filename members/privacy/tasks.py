"""Background work of privacy (django-tasks).

``retention_purge_task`` is the daily retention purge (the same as ``manage.py
purge_expired``): enqueue it from a daily timer, or run the command from cron.
"""

from __future__ import annotations

from django_tasks import task

from .retention import retention_purge


@task()
def retention_purge_task() -> dict[str, int]:
    """Purge what is past its retention period; the count per kind."""
    return retention_purge(trigger="task").counts

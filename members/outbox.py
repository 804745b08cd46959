"""E-mails waiting to be sent: the rendered message, kept only until it is sent.

Task arguments are stored by the production task backend (``django_tasks_db``) and
finished task rows stay until they are purged, so a task never carries personal
data: ``members.mail.mail_queue`` renders the message into a ``QueuedEmail`` row
and enqueues ``email_send`` with its id; the task reads the row when it runs and
deletes it once sent. Erasure (``members.privacy``) deletes a member's waiting
messages and their queued tasks. Not shown in the admin; not in the API.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class QueuedEmail(models.Model):
    """One rendered e-mail between ``mail_queue`` and its ``email_send`` task."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        help_text="The member the message is to or about (erased with them).",
    )
    to = models.JSONField(default=list)
    subject = models.TextField()
    body = models.TextField()
    html = models.TextField(blank=True)
    headers = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "queued e-mail"

    def __str__(self) -> str:
        return f"queued e-mail {self.pk}"

"""Background work of delivery (django-tasks): sending webhooks, with retries."""

from __future__ import annotations

from django_tasks import task
from django_tasks.exceptions import InvalidTaskError

from cms.models import WebhookDelivery

from .sending import webhook_delivery_attempt


@task()
def webhook_deliver(*, delivery_id: int) -> str:
    """Send one webhook delivery; on a retryable failure, enqueue the next attempt
    for ``next_attempt_at`` (at once on backends that cannot defer, such as the
    immediate backend of the tests)."""
    delivery = WebhookDelivery.objects.select_related("endpoint").get(pk=delivery_id)
    if delivery.status in (
        WebhookDelivery.Status.DELIVERED,
        WebhookDelivery.Status.FAILED,
    ):
        return delivery.status
    if webhook_delivery_attempt(delivery=delivery):
        try:
            webhook_deliver.using(run_after=delivery.next_attempt_at).enqueue(
                delivery_id=delivery_id
            )
        except InvalidTaskError:  # the backend cannot defer: retry now
            webhook_deliver.enqueue(delivery_id=delivery_id)
    return delivery.status

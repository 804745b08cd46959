"""Background work of the site app (django-tasks): webhook deliveries."""

from __future__ import annotations

from django_tasks import task
from django_tasks.exceptions import InvalidTaskError


@task()
def webhook_deliver(*, delivery_id: int) -> str:
    """Send one webhook delivery; on a retryable failure, enqueue the next attempt
    for ``next_attempt_at`` (at once on backends that cannot defer, such as the
    immediate backend of the tests)."""
    from .models import WebhookDelivery
    from .webhooks import webhook_delivery_attempt

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

"""The rights of access and erasure, driven by the personal data registry
(``core.privacy``), and privacy requests.

* ``member_data_export`` — everything the registry's exporters return, keyed by table
  (``GET /api/v1/me/export/``);
* ``member_data_erase`` — the erasure pass of account cancellation
  (``members.accounts.services.member_cancel``): every eraser runs, the user row last;
* privacy requests: a member files one; staff answer it; both sides are e-mailed.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from core import privacy
from core.errors import ValidationFailed
from members.accounts.models import User
from members.mail import mail_queue, privacy_officer_email

from .models import PrivacyRequest
from .workdays import add_working_days


def member_data_export(*, user: User) -> dict[str, Any]:
    """The member's personal data as JSON: one entry per registered table."""
    return {
        "generated_at": timezone.now().isoformat(),
        "user_id": user.pk,
        "data": {reg.label: reg.exporter(user) for reg in privacy.registrations()},
    }


def member_data_erase(*, user: User) -> None:
    """Run every registered eraser for ``user``: rows go, files go, what must be
    kept is anonymised. Call inside the cancellation's transaction."""
    # The user row is anonymised last: other erasers still find rows by it.
    for registration in reversed(privacy.registrations()):
        registration.eraser(user)


def privacy_request_due_on(*, received: datetime.datetime) -> datetime.date:
    """Due ``PRIVACY_REQUEST_DUE_WORKING_DAYS`` Chinese working days after the
    (Shanghai) day the request arrived."""
    return add_working_days(
        timezone.localdate(received), settings.PRIVACY_REQUEST_DUE_WORKING_DAYS
    )


def privacy_request_create(*, user: User, kind: str, details: str) -> PrivacyRequest:
    """File a request for ``user`` and tell the privacy officer."""
    now = timezone.now()
    request = PrivacyRequest(
        user=user,
        kind=kind,
        details=details.strip(),
        created_at=now,
        due_on=privacy_request_due_on(received=now),
    )
    request.full_clean()
    with transaction.atomic():
        request.save()
        admin_url = settings.WAGTAILADMIN_BASE_URL + reverse(
            "privacy_requests:edit", args=[request.pk]
        )
        mail_queue(
            to=privacy_officer_email(),
            template="privacy_request_created",
            context={"request": request, "admin_url": admin_url},
            user=request.user,
        )
    return request


def privacy_request_answer(
    *, request: PrivacyRequest, status: str, answer: str, staff: User | None
) -> PrivacyRequest:
    """Record the staff's answer; e-mail the member when the request becomes
    answered (completed or refused — a refusal must give its reason), exactly
    once: saving an open request's draft answer, or correcting an answered one,
    sends nothing."""
    if status not in PrivacyRequest.Status.values:
        raise ValidationFailed(gettext("Unknown status."), code="invalid_status")
    # The admin form has already set the new status on the instance: ask the DB.
    previous = (
        PrivacyRequest.objects.filter(pk=request.pk)
        .values_list("status", flat=True)
        .first()
    )
    was_answered = previous in PrivacyRequest.ANSWERED
    request.status = status
    request.answer = answer.strip()
    answered = status in PrivacyRequest.ANSWERED
    if answered and not was_answered:
        request.answered_at = timezone.now()
        request.answered_by = staff
    request.full_clean()
    with transaction.atomic():
        request.save()
        # The answer goes out once: when the request becomes completed or refused.
        if answered and not was_answered and request.user is not None:
            mail_queue(
                to=request.user.email,
                template="privacy_request_answered",
                context={"request": request},
                language=request.user.preferred_language,
                user=request.user,
            )
    return request

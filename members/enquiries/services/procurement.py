"""Procurement requests: create (idempotently), move through the status machine,
talk, attach files. Sales are e-mailed on submit and on the member's messages; the
member on every status change and every reply, in their own language.

The status machine (who may move a request where)::

    draft ─member→ submitted ─sales→ processing ─sales→ quoted ─sales→ closed
      │                └──────────── sales (a quote at once) ─────┘
      └──────────── member → cancelled (any time before quoted) ─────┘
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext

from core.errors import Conflict, Unprocessable, ValidationFailed
from core.i18n import source_language
from members.accounts.models import User
from members.mail import mail_language, mail_queue
from products.models import ProductPage

from ..models import (
    ProcurementItem,
    ProcurementMessage,
    ProcurementRequest,
    ProcurementStatus,
    ProcurementStatusChange,
    ProcurementUnit,
)
from ..selectors import procurement_item_lines, product_versions
from .attachments import procurement_attachments_delete
from .threads import staff_mail, thread_body

S = ProcurementStatus
MEMBER_MOVES: dict[str, set[str]] = {
    S.DRAFT: {S.SUBMITTED, S.CANCELLED},
    S.SUBMITTED: {S.CANCELLED},
    S.PROCESSING: {S.CANCELLED},
}
STAFF_MOVES: dict[str, set[str]] = {
    S.SUBMITTED: {S.PROCESSING, S.QUOTED},
    S.PROCESSING: {S.QUOTED},
    S.QUOTED: {S.CLOSED},
}
MAX_ITEMS = 50
# What an item copies of a product's package size.
PACKAGE_KEYS = ("id", "amount", "unit", "container", "count", "note")
# E-mail templates are written per language (no gettext catalogue needed).
REQUEST_FIELDS = (
    "title",
    "delivery_province",
    "delivery_city",
    "wanted_by",
    "budget",
    "notes",
    "contact_name",
    "contact_phone",
    "contact_email",
    "company_name",
)


def allowed_moves(*, status: str, by_staff: bool) -> set[str]:
    return set((STAFF_MOVES if by_staff else MEMBER_MOVES).get(status, set()))


def _contact_defaults(user: User) -> dict[str, str]:
    return {
        "contact_name": user.display_name or user.get_full_name() or user.email,
        "contact_phone": user.phone or "",
        "contact_email": user.email,
        "company_name": user.company_name,
    }


def _items(data: list[dict[str, Any]], language: str = "") -> list[ProcurementItem]:
    """Build (unsaved) items; every one needs a live product or a description.
    A named package size must be one of the product's; the product's title (in
    ``language``), SKU and the size are copied onto the item."""
    if not data:
        raise ValidationFailed(
            gettext("Add at least one item."),
            errors=[
                {"code": "required", "detail": gettext("Add an item."), "attr": "items"}
            ],
        )
    if len(data) > MAX_ITEMS:
        raise ValidationFailed(
            gettext("At most {count} items.").format(count=MAX_ITEMS),
            code="too_many_items",
        )
    ids = {row["product"] for row in data if row.get("product")}
    products = ProductPage.objects.filter(pk__in=ids, live=True).in_bulk()
    shown = product_versions(
        product_ids=set(products), language=language or source_language()
    )
    items = []
    for index, row in enumerate(data):
        product = products.get(row.get("product")) if row.get("product") else None
        if row.get("product") and product is None:
            raise _item_error(
                index, "product", gettext("No published product has this id.")
            )
        if product is None and not (row.get("description") or "").strip():
            raise _item_error(
                index, "description", gettext("Name a product or describe it.")
            )
        package = _package_size(index, row, product)
        version = shown.get(product.pk) if product else None
        items.append(
            ProcurementItem(
                product=product,
                product_title=(version or product).title if product else "",
                product_sku=product.sku if product else "",
                package_size=package,
                description=(row.get("description") or "").strip(),
                grade=(row.get("grade") or "").strip(),
                quantity=row["quantity"],
                unit=row["unit"],
                sort_order=index,
            )
        )
    return items


def _package_size(
    index: int, row: dict[str, Any], product: ProductPage | None
) -> dict[str, Any] | None:
    """The product's package size the row names (a copy with its id), ``None``
    when it names none; a 400 for a size the product does not offer, a size
    without a product, or ``unit: package`` without a size."""
    wanted = (row.get("package_size") or "").strip()
    if not wanted:
        if row.get("unit") == ProcurementUnit.PACKAGE:
            raise _item_error(
                index,
                "package_size",
                gettext("Name one of the product's package sizes."),
                code="package_size_required",
            )
        return None
    if product is None:
        raise _item_error(
            index,
            "package_size",
            gettext("A package size needs a catalogue product."),
            code="package_size_without_product",
        )
    size = product.package_size_by_id(wanted)
    if size is None:
        raise _item_error(
            index,
            "package_size",
            gettext("The product is not sold in this package size."),
            code="invalid_package_size",
        )
    return {key: size[key] for key in PACKAGE_KEYS}


def _item_error(
    index: int, field: str, detail: str, code: str = "invalid"
) -> ValidationFailed:
    attr = f"items.{index}.{field}"
    return ValidationFailed(
        detail, code=code, errors=[{"code": code, "detail": detail, "attr": attr}]
    )


def _fingerprint(
    data: dict[str, Any], items: list[dict[str, Any]], submit: bool
) -> str:
    """The create request's content, independent of key order and formatting."""

    def plain(value: Any) -> Any:
        return getattr(value, "pk", None) or str(value)

    canonical = json.dumps(
        {"data": data, "items": items, "submit": submit},
        sort_keys=True,
        default=plain,
        ensure_ascii=False,
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


def _replayed(found: ProcurementRequest, fingerprint: str) -> ProcurementRequest:
    if found.idempotency_fingerprint and found.idempotency_fingerprint != fingerprint:
        raise Unprocessable(
            gettext(
                "This Idempotency-Key was already used for a different request; "
                "use a new key for a new request."
            ),
            code="idempotency_key_reused",
        )
    return found


def procurement_request_create(
    *,
    user: User,
    data: dict[str, Any],
    items: list[dict[str, Any]],
    submit: bool = True,
    idempotency_key: str = "",
    language: str = "",
) -> tuple[ProcurementRequest, bool]:
    """Create a request (submitted unless ``submit`` is False); ``(request,
    created)``. With an ``idempotency_key`` the member already used for the same
    content, the first request comes back unchanged — also when two retries race
    (the unique constraint lets one insert win; the other reads it). The same key
    with different content raises ``Unprocessable`` (422,
    ``idempotency_key_reused``): a client bug, never a silent replay. Product
    titles are copied onto the items in ``language`` (the request's; default the
    source language)."""
    key = idempotency_key.strip()[:100]
    given = {k: data[k] for k in REQUEST_FIELDS if data.get(k) not in (None, "")}
    fingerprint = _fingerprint(given, items, submit) if key else ""
    if key:
        existing = ProcurementRequest.objects.filter(user=user, idempotency_key=key)
        if found := existing.first():
            return _replayed(found, fingerprint), False
    values = {**_contact_defaults(user), **given}
    request = ProcurementRequest(
        user=user,
        idempotency_key=key,
        idempotency_fingerprint=fingerprint,
        **values,
    )
    built = _items(items, language)
    # The idempotency constraint is left to the database: in a race the loser's
    # INSERT fails and it returns the winner's request (below), not a 400.
    request.full_clean(validate_constraints=False)
    for item in built:
        item.full_clean(exclude=["request"])
    try:
        with transaction.atomic():
            request.save()
            for item in built:
                item.request = request
            ProcurementItem.objects.bulk_create(built)
            _history(request, "", S.DRAFT, user)
            if submit:
                _move(request, S.SUBMITTED, user)
    except IntegrityError:
        if not key:
            raise
        winner = ProcurementRequest.objects.get(user=user, idempotency_key=key)
        return _replayed(winner, fingerprint), False
    return request, True


def procurement_request_transition(
    *, request: ProcurementRequest, to_status: str, actor: User, by_staff: bool
) -> ProcurementRequest:
    """Move the request (locked for the check) or raise ``Conflict``
    (``invalid_transition``, 409) when that move is not allowed from its status."""
    with transaction.atomic():
        locked = ProcurementRequest.objects.select_for_update().get(pk=request.pk)
        if to_status not in allowed_moves(status=locked.status, by_staff=by_staff):
            raise Conflict(
                gettext("A request that is {status} cannot become {target}.").format(
                    status=ProcurementStatus(locked.status).label,
                    target=ProcurementStatus(to_status).label,
                ),
                code="invalid_transition",
                extra={"status": locked.status},
            )
        _move(locked, to_status, actor, by_staff=by_staff)
    return locked


def _move(
    request: ProcurementRequest, to_status: str, actor: User, *, by_staff=False
) -> None:
    previous = request.status
    request.status = to_status
    fields = ["status", "updated_at"]
    if to_status == S.SUBMITTED:
        request.submitted_at = timezone.now()
        fields.append("submitted_at")
    request.save(update_fields=fields)
    _history(request, previous, to_status, actor, by_staff=by_staff)
    if to_status == S.SUBMITTED:
        # Sales read the items' products by title and link, in their language.
        lines = procurement_item_lines(request=request, language=settings.LANGUAGE_CODE)
        _mail_sales(request, "submitted", {"item_lines": lines})
    _mail_member(request, "status_changed", {"previous": previous})


def _history(request, from_status, to_status, actor, *, by_staff=False) -> None:
    ProcurementStatusChange.objects.create(
        request=request,
        from_status=from_status,
        to_status=to_status,
        changed_by=actor,
        by_staff=by_staff,
    )


def procurement_message_add(
    *, request: ProcurementRequest, author: User, body: str, from_staff: bool
) -> ProcurementMessage:
    """Add to the thread; sales replies e-mail the member, the member's messages
    e-mail sales (and the assignee)."""
    body = thread_body(body)
    if request.status == S.DRAFT and not from_staff:
        raise Conflict(
            gettext("Submit the request before writing to sales."), code="draft"
        )
    message = ProcurementMessage(
        request=request, author=author, from_staff=from_staff, body=body
    )
    with transaction.atomic():
        message.save()
        if from_staff:
            _mail_member(request, "reply", {"message": message})
        else:
            _mail_sales(request, "member_message", {"message": message})
    return message


# --- e-mail -----------------------------------------------------------------


def _mail_sales(request: ProcurementRequest, template: str, extra=None) -> None:
    staff_mail(
        enquiry=request,
        template=template,
        extra=extra,
        follow_up=template == "member_message",
    )


def _mail_member(request: ProcurementRequest, template: str, extra=None) -> None:
    user = request.user
    if user is None:  # the member deleted it; the kept record has no addressee
        return
    language = mail_language(user.preferred_language)
    with translation.override(language):  # the catalogue's label, in their language
        status_label = str(S(request.status).label)
    context = {
        "request": request,
        "user": user,
        "status_label": status_label,
        **(extra or {}),
    }
    mail_queue(
        to=request.contact_email or user.email,
        template=f"procurement/{language}/{template}",
        context=context,
        language=language,
        user=user,
    )


# Kept when the member deletes them: a quotation is a business record (accounting,
# PRC Accounting Law), so the request stays without the member's personal data.
KEPT_STATUSES = (S.QUOTED, S.CLOSED)
ERASED = "—"


@transaction.atomic
def procurement_request_delete(*, request: ProcurementRequest) -> bool:
    """The member deletes their request (PIPL art. 47). Drafts, open and cancelled
    requests go entirely, with their files. A quoted or closed one is kept for
    accounting, its personal data removed: no member link, contact, company or
    notes, no attachments, the member's messages blanked. ``True`` when kept."""
    procurement_attachments_delete(request=request)
    if request.status not in KEPT_STATUSES:
        request.delete()
        return False
    member = request.user
    request.user = None
    request.contact_name = ERASED
    request.contact_email = "erased@erased.invalid"
    request.contact_phone = request.company_name = request.notes = ""
    request.idempotency_key = request.idempotency_fingerprint = ""
    request.save()
    request.messages.filter(from_staff=False).update(body=ERASED, author=None)
    request.history.filter(changed_by=member).update(changed_by=None)
    return True

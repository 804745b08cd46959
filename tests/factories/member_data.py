"""A member with one of everything members own, made through the real services.

Used by the authorization test (member A's data that member B and a visitor must
never see) and by the fuzzer (so operations on existing objects are exercised, not
only 404s). Every value that identifies the member is unique per call, so a test can
search a response body for it.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from allauth.socialaccount.models import SocialAccount
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from wagtail.models import Collection, CollectionViewRestriction, Page

from cms.services import site_tree_ensure
from legal.importer import policy_import
from legal.models import PolicyVersion
from legal.services import consent_accept
from members.accounts.services import avatar_set
from members.activity import services as activity
from members.enquiries.services import consultations, procurement
from members.enquiries.services.attachments import procurement_attachment_add
from members.models import User
from members.notices.services import notice_send
from members.privacy.services import privacy_request_create
from members.subscriptions import services as subscriptions
from tests.factories.catalogue import DocumentFactory, ProductPageFactory
from tests.factories.members import MemberFactory
from tests.legal.fixtures import EN, ZH

_counter = iter(range(10**6))
DOCUMENT_BYTES = b"%PDF-1.4 contract"
ATTACHMENT_BYTES = b"%PDF-1.7 specification"
AVATAR_FIELDS = ("avatar", "avatar_medium", "avatar_small")


def avatar_png() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 64), "teal").save(buffer, "PNG")
    return SimpleUploadedFile("me.png", buffer.getvalue(), content_type="image/png")


@dataclass
class MemberData:
    """What ``member_with_data`` made; ``secrets`` are strings that only this
    member's own responses may contain."""

    member: User
    product: Page
    objects: dict[str, Any] = field(default_factory=dict)
    secrets: list[str] = field(default_factory=list)


def catalogue_product(tag: str) -> Page:
    """A live product (the site tree is made when missing)."""
    homes = site_tree_ensure()
    parent = homes["zh-hans"].get_children().get(slug="products")
    return ProductPageFactory(parent=parent, sku=f"AZ-{tag}", title=f"液压油 {tag}")


def privacy_policy() -> PolicyVersion:
    """The current version of a published bilingual policy ``privacy``."""
    current = PolicyVersion.objects.filter(policy__slug="privacy").first()
    if current is None:
        site_tree_ensure()
        policy_import(text=ZH, locale="zh-hans", slug="privacy", publish=True)
        policy_import(text=EN, locale="en", slug="privacy", publish=True)
        current = PolicyVersion.objects.filter(policy__slug="privacy").first()
    return current


def restricted_document(member: User, tag: str):
    """A document in a collection only ``member``'s group may view."""
    group = Group.objects.create(name=f"buyers-{tag}")
    member.groups.add(group)
    root = Collection.get_first_root_node()
    collection = root.add_child(name=f"Contracts {tag}")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.add(group)
    return DocumentFactory(
        collection=collection,
        title=f"Contract {tag}",
        members_only=True,
        file=ContentFile(DOCUMENT_BYTES, name="contract.pdf"),
    )


def member_with_data(label: str = "a") -> MemberData:
    """A verified member who accepted the current privacy policy and owns a
    favorite, a footprint, a download record, two procurement requests (a draft,
    and a submitted one with a message), a privacy request and a document only
    their group may download, and a WeChat mini-program binding."""
    tag = f"{label}{next(_counter)}x{id(object()) % 10**6}"
    member = MemberFactory(
        email=f"owner-{tag}@example.com",
        display_name=f"Owner {tag}",
        company_name=f"Secret Trading {tag} Ltd",
    )
    consent_accept(
        user=member, version=privacy_policy(), locale="zh-hans", channel="web"
    )
    product = catalogue_product(tag)
    data = MemberData(member=member, product=product)
    favorite, _ = activity.favorite_add(user=member, page_id=product.pk)
    activity.footprint_record(user=member, page=product)
    document = restricted_document(member, tag)
    activity.download_record_create(user=member, document=document)
    request, _ = procurement.procurement_request_create(
        user=member,
        data={
            "title": f"RFQ {tag}",
            "delivery_province": "上海",
            "delivery_city": "上海",
            "notes": f"Private notes {tag}",
            "budget": Decimal("1000.00"),
        },
        items=[
            {
                "product": product.pk,
                "description": "",
                "quantity": Decimal(10),
                "unit": "drum_200l",
            }
        ],
        submit=False,
        idempotency_key=f"key-{tag}",
    )
    submitted, _ = procurement.procurement_request_create(
        user=member,
        data={
            "title": f"Submitted RFQ {tag}",
            "delivery_province": "上海",
            "delivery_city": "上海",
        },
        items=[{"description": f"Gear oil {tag}", "quantity": 1, "unit": "drum_200l"}],
    )
    procurement.procurement_message_add(
        request=submitted, author=member, body=f"Message {tag}", from_staff=False
    )
    attachment = procurement_attachment_add(
        request=submitted,
        upload=SimpleUploadedFile(f"spec-{tag}.pdf", ATTACHMENT_BYTES),
    )
    avatar_set(user=member, upload=avatar_png())
    privacy = privacy_request_create(
        user=member, kind="access", details=f"Please send my data {tag}"
    )
    consultation = consultations.consultation_create(
        user=member, message=f"Consultation {tag}", product_id=product.pk
    )
    consultations.consultation_message_add(
        consultation=consultation,
        author=member,
        body=f"Follow-up {tag}",
        from_staff=False,
    )
    subscription = subscriptions.member_subscription_update(
        user=member, topics=["new_products"], locale="zh-hans"
    )
    footprint = member.footprints.get()
    wechat = SocialAccount.objects.create(
        user=member,
        provider="weixin_miniprogram",
        uid=f"openid-{tag}",
        extra_data={"openid": f"openid-{tag}", "unionid": f"unionid-{tag}"},
    )
    notice = notice_send(
        kind="security_incident",
        content={"title": f"Incident {tag}", "situation": "A laptop was stolen."},
        recipients=User.objects.filter(pk=member.pk),
        sent_by=None,
    )
    data.objects.update(
        download=member.download_records.get(),
        notice=notice,
        consultation=consultation,
        subscription=subscription,
        favorite=favorite,
        footprint=footprint,
        document=document,
        draft_request=request,
        submitted_request=submitted,
        attachment=attachment,
        privacy_request=privacy,
        wechat=wechat,
    )
    data.secrets = [
        member.email,
        member.display_name,
        member.company_name,
        member.phone,
        member.wechat_id,
        f"RFQ {tag}",
        f"Private notes {tag}",
        f"Message {tag}",
        f"Please send my data {tag}",
        f"Consultation {tag}",
        f"Follow-up {tag}",
        f"openid-{tag}",
        f"unionid-{tag}",
    ]
    return data


def files_restore(data: MemberData) -> None:
    """Put the member's document, attachment and avatar files back into this
    test's storage folders (each test has its own; the data may have been made for
    a whole module)."""
    member = User.objects.get(pk=data.member.pk)
    files = [
        (data.objects["document"].file, DOCUMENT_BYTES),
        (data.objects["attachment"].file, ATTACHMENT_BYTES),
        *((getattr(member, name), avatar_png().read()) for name in AVATAR_FIELDS),
    ]
    for file, content in files:
        if not file.storage.exists(file.name):
            file.storage.save(file.name, ContentFile(content))

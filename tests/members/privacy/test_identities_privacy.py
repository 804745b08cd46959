"""WeChat bindings and the records of texted codes are personal data: in the
member's export, gone after cancellation, and the code never kept once sent."""

from __future__ import annotations

import pytest
from allauth.socialaccount.models import SocialAccount

from core import sms
from members.accounts.identities import sms_code_send
from members.accounts.services import member_cancel
from members.models import OutgoingSms
from members.privacy.services import member_data_export
from tests.factories.members import PASSWORD, MemberFactory
from tests.frontend_api.test_me_export_and_cancel import columns_mentioning

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(django_capture_on_commit_callbacks):
    member = MemberFactory(phone="+8613712345670")
    SocialAccount.objects.create(
        user=member,
        provider="weixin_miniprogram",
        uid="openid-privacy-test",
        extra_data={"openid": "openid-privacy-test", "unionid": "unionid-privacy"},
    )
    with django_capture_on_commit_callbacks(execute=True):
        sms_code_send(user=member, phone=member.phone, code="246810", minutes=10)
    return member


def test_a_sent_code_leaves_a_record_without_the_code(member):
    row = OutgoingSms.objects.get(user=member)
    assert row.sent_at is not None and row.params == {}
    assert sms.outbox[-1].params["code"] == "246810"
    assert columns_mentioning(["246810"]) == []


def test_the_export_holds_the_wechat_bindings_and_texted_codes(member):
    data = member_data_export(user=member)["data"]
    [binding] = data["socialaccount.SocialAccount"]
    assert binding["uid"] == "openid-privacy-test"
    assert binding["extra_data"]["unionid"] == "unionid-privacy"
    [record] = data["members.OutgoingSms"]
    assert record["phone"] == "+8613712345670"
    assert "params" not in record


def test_cancellation_removes_bindings_and_sms_records(member):
    member_cancel(user=member, password=PASSWORD)
    assert not SocialAccount.objects.filter(user_id=member.pk).exists()
    assert not OutgoingSms.objects.filter(user_id=member.pk).exists()
    assert columns_mentioning(["openid-privacy-test", "unionid-privacy"]) == []
    assert columns_mentioning(["+8613712345670"]) == []


def test_records_older_than_the_retention_are_purged_on_the_next_send(
    member, settings, django_capture_on_commit_callbacks
):
    from django.utils import timezone

    OutgoingSms.objects.update(created_at=timezone.now() - timezone.timedelta(days=91))
    settings.SMS_RECORD_RETENTION_DAYS = 90
    with django_capture_on_commit_callbacks(execute=True):
        sms_code_send(user=member, phone=member.phone, code="135790", minutes=10)
    assert OutgoingSms.objects.count() == 1

"""Notices (issue 13): the privacy officer sends a security-incident notice to the
affected members or a service-termination notice to all — e-mail, SMS where a
gateway is configured (queued like codes, else logged as not configured), in-app —
each logged with its recipients; members read theirs at ``/api/v1/me/notices/``
and mark them read."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail

from members.models import User
from members.notices import channels
from members.notices.models import Notice, NoticeDelivery
from members.notices.services import notice_recipients, notice_send
from tests.factories.members import MemberFactory, StaffFactory

pytestmark = pytest.mark.django_db

CONTENT = {
    "title": "数据安全事件通知",
    "situation": "一台服务器被未授权访问。",
    "impact": "您的邮箱地址可能泄露。",
    "measures": "已修补漏洞并报告监管部门。",
    "advice": "请警惕钓鱼邮件。",
    "remedies": "如有损失请联系我们。",
}


def test_an_incident_notice_reaches_the_affected_members_only(
    django_capture_on_commit_callbacks,
):
    affected, bystander = MemberFactory(), MemberFactory()
    officer = StaffFactory()
    with django_capture_on_commit_callbacks(execute=True):
        notice = notice_send(
            kind="security_incident",
            content=CONTENT,
            recipients=notice_recipients(
                kind="security_incident", emails=[affected.email.upper()]
            ),
            sent_by=officer,
        )
    assert notice.recipient_count == 1 and notice.sent_by == officer
    assert notice.channels == {"in_app": 1, "email": 1, "sms": {"queued": 1}}
    assert list(notice.deliveries.values_list("user", flat=True)) == [affected.pk]
    assert [m.to for m in mail.outbox] == [[affected.email]]
    body = mail.outbox[0].body
    for value in CONTENT.values():
        assert value in body or value in mail.outbox[0].subject
    assert not NoticeDelivery.objects.filter(user=bystander).exists()


def test_a_termination_notice_reaches_every_active_member():
    members = [MemberFactory(), MemberFactory()]
    MemberFactory(is_active=False)
    StaffFactory()
    notice = notice_send(
        kind="service_termination",
        content={"title": "停止运营通知", "situation": "本平台将于年底停止运营。"},
        recipients=notice_recipients(kind="service_termination"),
        sent_by=None,
    )
    assert set(notice.deliveries.values_list("user", flat=True)) == {
        m.pk for m in members
    }


def test_an_incident_needs_named_recipients():
    from core.errors import ValidationFailed

    with pytest.raises(ValidationFailed):
        notice_recipients(kind="security_incident", emails=[])


def test_sms_goes_to_verified_phones_through_the_queue_where_configured(
    settings, django_capture_on_commit_callbacks
):
    from core import sms

    settings.SMS_BACKEND = "locmem"
    sms.outbox.clear()
    member = MemberFactory(preferred_language="en")
    no_phone, unverified = (
        MemberFactory(phone=None),
        MemberFactory(phone_verified=False),
    )
    with django_capture_on_commit_callbacks(execute=True):
        notice = notice_send(
            kind="security_incident",
            content=CONTENT,
            recipients=User.objects.filter(
                pk__in=[member.pk, no_phone.pk, unverified.pk]
            ),
            sent_by=None,
        )
    assert [message.to for message in sms.outbox] == [[member.phone]]
    assert CONTENT["title"] in sms.outbox[0].body
    assert notice.channels["sms"] == {"queued": 1, "no_phone": 2}


def test_sms_reports_not_configured_without_a_gateway(settings):
    settings.SMS_BACKEND = "console"
    assert channels.sms_notify(user=MemberFactory(), title="x") == "not_configured"


def test_a_member_reads_and_marks_their_notices(api_client):
    member, other = MemberFactory(), MemberFactory()
    notice = notice_send(
        kind="security_incident",
        content=CONTENT,
        recipients=User.objects.filter(pk=member.pk),
        sent_by=None,
    )
    api_client.force_authenticate(other)
    assert api_client.get("/api/v1/me/notices/").json()["count"] == 0
    assert api_client.post(f"/api/v1/me/notices/{notice.pk}/read/").status_code == 404
    api_client.force_authenticate(member)
    listed = api_client.get("/api/v1/me/notices/").json()
    item = listed["results"][0]
    assert item["id"] == notice.pk and item["read_at"] is None
    assert {k: item[k] for k in CONTENT} == CONTENT
    read = api_client.post(f"/api/v1/me/notices/{notice.pk}/read/")
    assert read.status_code == 200 and read.json()["read_at"]
    again = api_client.post(f"/api/v1/me/notices/{notice.pk}/read/")
    assert again.json()["read_at"] == read.json()["read_at"]


def test_the_privacy_officer_sends_a_notice_from_the_admin(client):
    affected = MemberFactory()
    officer = StaffFactory()
    officer.groups.add(Group.objects.get(name="Privacy Officer"))
    client.force_login(officer)
    assert client.get("/admin/notices/new/").status_code == 200
    response = client.post(
        "/admin/notices/new/",
        {"kind": "security_incident", "recipients": affected.email, **CONTENT},
    )
    assert response.status_code == 302, response.content[:2000]
    notice = Notice.objects.get()
    assert notice.sent_by == officer and notice.recipient_count == 1
    assert client.get("/admin/notices/").status_code == 200
    refused = client.post(
        "/admin/notices/new/", {"kind": "security_incident", **CONTENT}
    )
    assert refused.status_code == 200 and Notice.objects.count() == 1


def test_a_cancelled_members_deliveries_stay_detached():
    from core import privacy

    member = MemberFactory()
    notice_send(
        kind="security_incident",
        content=CONTENT,
        recipients=User.objects.filter(pk=member.pk),
        sent_by=None,
    )
    registration = next(r for r in privacy.registrations() if r.model is NoticeDelivery)
    registration.eraser(member)
    delivery = NoticeDelivery.objects.get()
    assert delivery.user is None

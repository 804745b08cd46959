"""WeChat mini-program login, binding tickets, the member's bindings and the phone
from getPhoneNumber — against a local fake api.weixin.qq.com."""

from __future__ import annotations

import pytest
from allauth.socialaccount.models import SocialAccount
from django.core.cache import cache

from tests.factories.members import PASSWORD, MemberFactory

pytestmark = pytest.mark.django_db

LOGIN = "/api/v1/auth/wechat/miniprogram/"
ME = "/api/v1/me/wechat/"
APP = "/api/v1/auth/app/v1"


@pytest.fixture(autouse=True)
def _fresh():
    cache.clear()


def login(client, code):
    return client.post(LOGIN, {"code": code}, content_type="application/json")


def as_member(client, token):
    client.defaults["HTTP_X_SESSION_TOKEN"] = token
    return client


def app_login(client, user) -> str:
    response = client.post(
        f"{APP}/auth/login",
        {"email": user.email, "password": PASSWORD},
        content_type="application/json",
    )
    assert response.status_code == 200, response.json()
    return response.json()["meta"]["session_token"]


def test_an_unknown_wechat_user_gets_a_ticket_then_binds_after_login(client, wechat):
    wechat.add_login("c1", openid="o-1", unionid="u-1")
    response = login(client, "c1")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "binding_required" and body["ticket"]
    member = MemberFactory()
    token = app_login(client, member)
    response = as_member(client, token).post(
        ME, {"ticket": body["ticket"]}, content_type="application/json"
    )
    assert response.status_code == 201, response.json()
    assert response.json()["provider"] == "weixin_miniprogram"
    account = SocialAccount.objects.get(user=member)
    assert account.uid == "o-1" and account.extra_data["unionid"] == "u-1"
    assert "session_key" not in account.extra_data

    # Next time, the code logs the member straight in.
    wechat.add_login("c2", openid="o-1", unionid="u-1")
    client.defaults.pop("HTTP_X_SESSION_TOKEN")
    response = login(client, "c2")
    assert response.json()["status"] == "logged_in"
    session = as_member(client, response.json()["session_token"]).get(
        f"{APP}/auth/session"
    )
    assert session.status_code == 200
    assert session.json()["data"]["user"]["id"] == member.pk


def test_a_bound_unionid_logs_in_and_binds_the_new_openid(client, wechat):
    member = MemberFactory()
    SocialAccount.objects.create(
        user=member,
        provider="weixin",
        uid="web-openid",
        extra_data={"openid": "web-openid", "unionid": "u-9"},
    )
    wechat.add_login("c1", openid="mp-openid", unionid="u-9")
    response = login(client, "c1")
    assert response.json()["status"] == "logged_in"
    assert SocialAccount.objects.filter(
        user=member, provider="weixin_miniprogram", uid="mp-openid"
    ).exists()


@pytest.mark.parametrize(
    ("code", "status", "problem"),
    [
        ("nope", 400, "wechat_invalid_code"),
        ("busy", 503, "wechat_unavailable"),
        ("limited", 429, "wechat_rate_limited"),
        ("risky", 400, "wechat_user_blocked"),
    ],
)
def test_wechat_refusals_are_problems(client, wechat, code, status, problem):
    response = login(client, code)
    assert response.status_code == status
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["code"] == problem, response.json()
    if status == 429:
        assert response["Retry-After"] == "60"


def test_a_used_code_is_a_problem(client, wechat):
    wechat.add_login("c1", openid="o-1")
    login(client, "c1")
    response = login(client, "c1")
    assert response.status_code == 400
    assert response.json()["code"] == "wechat_code_used"


def test_a_forged_or_stale_ticket_is_refused(client, wechat, settings):
    member = MemberFactory()
    token = app_login(client, member)
    response = as_member(client, token).post(
        ME, {"ticket": "forged"}, content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_ticket"


def test_an_identity_bound_elsewhere_cannot_be_bound_again(client, wechat):
    wechat.add_login("c1", openid="o-1")
    ticket = login(client, "c1").json()["ticket"]
    first, second = MemberFactory(), MemberFactory()
    as_member(client, app_login(client, first)).post(
        ME, {"ticket": ticket}, content_type="application/json"
    )
    client.defaults.pop("HTTP_X_SESSION_TOKEN")
    response = as_member(client, app_login(client, second)).post(
        ME, {"ticket": ticket}, content_type="application/json"
    )
    assert response.status_code == 409
    assert response.json()["code"] == "wechat_bound_elsewhere"


def test_members_list_and_unbind_only_their_own_bindings(client, wechat):
    mine, theirs = MemberFactory(), MemberFactory()
    a = SocialAccount.objects.create(user=mine, provider="weixin_miniprogram", uid="o1")
    b = SocialAccount.objects.create(
        user=theirs, provider="weixin_miniprogram", uid="o2"
    )
    as_member(client, app_login(client, mine))
    listed = client.get(ME).json()
    assert [row["id"] for row in listed] == [a.pk]
    assert client.delete(f"{ME}{b.pk}/").status_code == 404
    assert SocialAccount.objects.filter(pk=b.pk).exists()
    assert client.delete(f"{ME}{a.pk}/").status_code == 204
    assert not SocialAccount.objects.filter(pk=a.pk).exists()


def test_the_getphonenumber_code_verifies_the_members_phone(client, wechat):
    member = MemberFactory(phone=None, phone_verified=False)
    wechat.add_phone("p1", "13912345678")
    as_member(client, app_login(client, member))
    response = client.post(
        f"{ME}phone/", {"code": "p1"}, content_type="application/json"
    )
    assert response.status_code == 204, response.content
    member.refresh_from_db()
    assert member.phone == "+8613912345678" and member.phone_verified


def test_visitors_cannot_touch_bindings(client):
    assert client.get(ME).status_code == 401
    assert (
        client.post(
            f"{ME}phone/", {"code": "x"}, content_type="application/json"
        ).status_code
        == 401
    )


def test_web_login_binds_a_new_openid_to_the_member_of_its_unionid(rf, settings):
    from allauth.socialaccount.models import SocialLogin

    from members.accounts.adapters import SocialAccountAdapter

    settings.SOCIALACCOUNT_PROVIDERS = {
        "weixin": {"APPS": [{"client_id": "wx-web", "secret": "s"}]}
    }
    member = MemberFactory()
    SocialAccount.objects.create(
        user=member,
        provider="weixin_miniprogram",
        uid="mp-openid",
        extra_data={"openid": "mp-openid", "unionid": "u-shared"},
    )
    account = SocialAccount(
        provider="weixin", uid="web-openid", extra_data={"unionid": "u-shared"}
    )
    login = SocialLogin(account=account)
    request = rf.get("/")
    request.session = {}
    request.user = member  # what allauth's connect() reads for messages
    SocialAccountAdapter().pre_social_login(request, login)
    assert login.is_existing
    assert login.user == member


def test_web_login_is_offered_when_the_website_app_is_configured(client, settings):
    settings.SOCIALACCOUNT_PROVIDERS = {
        "weixin": {"APPS": [{"client_id": "wx-web", "secret": "s"}]}
    }
    config = client.get("/api/v1/auth/browser/v1/config").json()["data"]
    providers = {p["id"] for p in config["socialaccount"]["providers"]}
    assert "weixin" in providers

"""WeChat web login (QR code, OAuth 2) through allauth's ``weixin`` provider, end to
end against the local fake WeChat (``tests/fakes/wechat.py``): the headless
redirect → the QR page with our state → back to our callback with a code →
``/sns/oauth2/access_token`` and ``/sns/userinfo`` → the member is logged in,
bound or asked to sign up; refusals come back to the frontend as ``?error=``."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from allauth.socialaccount.models import SocialAccount
from django.core.cache import cache

from tests.factories.members import PASSWORD, MemberFactory

pytestmark = pytest.mark.django_db

BROWSER = "/api/v1/auth/browser/v1"
FRONTEND = "https://www.example.com"
BACK = f"{FRONTEND}/account/provider/callback"
CALLBACK = "/accounts/weixin/login/callback/"


@pytest.fixture(autouse=True)
def _web_app(settings, wechat):
    cache.clear()
    settings.CSRF_TRUSTED_ORIGINS = [FRONTEND]
    settings.SOCIALACCOUNT_PROVIDERS = {
        "weixin": {
            "APPS": [{"client_id": wechat.web_appid, "secret": wechat.web_secret}],
            "SCOPE": ["snsapi_login"],
        }
    }


def start(client, process="login"):
    """The frontend posts the form; we answer with the QR page's URL."""
    response = client.post(
        f"{BROWSER}/auth/provider/redirect",
        {"provider": "weixin", "callback_url": BACK, "process": process},
    )
    assert response.status_code == 302, response.content
    return response["Location"]


def scan(location: str) -> str:
    """The browser opens the QR page; the user scans; WeChat sends it back."""
    answer = httpx.get(location.split("#")[0], follow_redirects=False)
    assert answer.status_code == 302, answer.text
    return answer.headers["Location"]


def come_back(client, url: str):
    parts = urlsplit(url)
    assert parts.path == CALLBACK
    return client.get(f"{parts.path}?{parts.query}")


def round_trip(client, process="login"):
    response = come_back(client, scan(start(client, process)))
    assert response.status_code == 302
    return response["Location"]


def session(client):
    return client.get(f"{BROWSER}/auth/session")


def error_of(location: str) -> str | None:
    """The ``error`` the frontend's callback page receives. Without a valid state
    allauth cannot know the frontend's ``callback_url`` and uses
    ``HEADLESS_FRONTEND_URLS["socialaccount_login_error"]``, the same page."""
    parts = urlsplit(location)
    assert parts.path == urlsplit(BACK).path
    return parse_qs(parts.query).get("error", [None])[0]


def test_start_sends_the_browser_to_the_qr_page_with_our_app_and_state(client, wechat):
    location = start(client)
    parts = urlsplit(location)
    assert location.startswith(wechat.url + "/connect/qrconnect?")
    assert parts.fragment == "wechat_redirect"
    query = {k: v[0] for k, v in parse_qs(parts.query).items()}
    assert query["appid"] == wechat.web_appid
    assert query["scope"] == "snsapi_login"
    assert query["response_type"] == "code"
    assert query["redirect_uri"] == f"http://testserver{CALLBACK}"
    assert len(query["state"]) >= 8
    assert "secret" not in parts.query


def test_a_bound_wechat_user_logs_in(client, wechat):
    member = MemberFactory()
    SocialAccount.objects.create(
        user=member, provider="weixin", uid="web-1", extra_data={"openid": "web-1"}
    )
    wechat.scan_as("web-1", unionid="u-1")
    location = round_trip(client)
    assert error_of(location) is None
    response = session(client)
    assert response.status_code == 200, response.json()
    assert response.json()["data"]["user"]["id"] == member.pk
    assert wechat.calls("/sns/oauth2/access_token") == 1
    assert wechat.calls("/sns/userinfo") == 1


def test_a_unionid_bound_by_the_mini_program_logs_in_and_binds_the_web_openid(
    client, wechat
):
    member = MemberFactory()
    SocialAccount.objects.create(
        user=member,
        provider="weixin_miniprogram",
        uid="mp-1",
        extra_data={"openid": "mp-1", "unionid": "u-shared"},
    )
    wechat.scan_as("web-2", unionid="u-shared", nickname="王经理")
    assert error_of(round_trip(client)) is None
    assert session(client).json()["data"]["user"]["id"] == member.pk
    web = SocialAccount.objects.get(provider="weixin")
    assert web.user == member
    assert web.uid == "web-2"
    # Only what the README lists is kept (not sex, city, privilege …); the
    # nickname arrives as UTF-8 in text/plain and is read as such.
    assert web.extra_data == {
        "openid": "web-2",
        "unionid": "u-shared",
        "nickname": "王经理",
        "headimgurl": "https://thirdwx.qlogo.cn/mmopen/avatar/132",
    }


def test_a_new_wechat_user_signs_up_with_an_email_and_is_bound(
    client, wechat, django_capture_on_commit_callbacks
):
    wechat.scan_as("web-3", unionid="u-3")
    assert error_of(round_trip(client)) is None
    response = session(client)
    assert response.status_code == 401
    flows = {f["id"] for f in response.json()["data"]["flows"] if f.get("is_pending")}
    assert flows == {"provider_signup"}
    assert not SocialAccount.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"{BROWSER}/auth/provider/signup",
            {"email": "wechat.buyer@example.com", "age_group": "18_or_over"},
            content_type="application/json",
        )
    assert response.status_code == 401, response.json()  # verify_email pending
    account = SocialAccount.objects.get(provider="weixin", uid="web-3")
    assert account.user.email == "wechat.buyer@example.com"
    assert account.extra_data["unionid"] == "u-3"


def test_a_new_wechat_user_can_log_in_with_a_password_and_bind_with_a_ticket(
    client, wechat
):
    member = MemberFactory()
    wechat.scan_as("web-4", unionid="u-4")
    round_trip(client)
    response = client.post("/api/v1/auth/wechat/web/ticket/")
    assert response.status_code == 200, response.json()
    ticket = response.json()["ticket"]
    assert response.json()["expires_in"] > 0
    # The pending sign-up is gone: the visitor now logs in as usual …
    assert session(client).status_code == 401
    response = client.post(
        f"{BROWSER}/auth/login",
        {"email": member.email, "password": PASSWORD},
        content_type="application/json",
    )
    assert response.status_code == 200, response.json()
    # … and binds, as the mini-program does.
    response = client.post(
        "/api/v1/me/wechat/", {"ticket": ticket}, content_type="application/json"
    )
    assert response.status_code == 201, response.json()
    assert SocialAccount.objects.get(provider="weixin", uid="web-4").user == member
    client.logout()
    wechat.scan_as("web-4", unionid="u-4")
    assert error_of(round_trip(client)) is None
    assert session(client).json()["data"]["user"]["id"] == member.pk


def test_no_ticket_without_a_pending_wechat_login(client, wechat):
    response = client.post("/api/v1/auth/wechat/web/ticket/")
    assert response.status_code == 404
    assert response.json()["code"] == "no_pending_wechat_login"


def test_a_member_connects_wechat_but_not_one_whose_unionid_is_anothers(client, wechat):
    member = MemberFactory()
    other = MemberFactory()
    SocialAccount.objects.create(
        user=other,
        provider="weixin_miniprogram",
        uid="mp-9",
        extra_data={"openid": "mp-9", "unionid": "u-9"},
    )
    client.force_login(member)
    wechat.scan_as("web-9", unionid="u-9")
    assert error_of(round_trip(client, process="connect")) == "connected_other"
    assert not SocialAccount.objects.filter(provider="weixin").exists()
    wechat.scan_as("web-10", unionid="u-10")
    assert error_of(round_trip(client, process="connect")) is None
    assert SocialAccount.objects.get(provider="weixin").user == member


def test_a_forged_or_replayed_state_is_refused(client, wechat):
    wechat.scan_as("web-5")
    back = scan(start(client))
    forged = back.replace("state=", "state=x")
    assert error_of(come_back(client, forged)["Location"]) == "invalid_state"
    assert error_of(come_back(client, back)["Location"]) is None  # the real one
    client.logout()
    # The state was used up: replaying the callback is refused.
    assert error_of(come_back(client, back)["Location"]) == "invalid_state"
    assert wechat.calls("/sns/oauth2/access_token") == 1


def test_a_state_from_another_browser_is_refused(client, wechat):
    from django.test import Client

    wechat.scan_as("web-6")
    back = scan(start(Client()))
    assert error_of(come_back(client, back)["Location"]) == "invalid_state"
    assert wechat.calls("/sns/oauth2/access_token") == 0


def test_a_declined_scan_comes_back_cancelled(client, wechat):
    wechat.web_user = None  # the user taps "decline": no code, only the state
    assert error_of(round_trip(client)) == "cancelled"


@pytest.mark.parametrize(
    ("code", "problem"),
    [
        ("never-issued", "wechat_invalid_code"),
        ("busy", "wechat_unavailable"),
        ("limited", "wechat_rate_limited"),
        ("risky", "wechat_user_blocked"),
    ],
)
def test_wechat_refusals_come_back_as_error_codes(client, wechat, code, problem):
    wechat.scan_as("web-x")
    back = scan(start(client))
    forged = back.replace(parse_qs(urlsplit(back).query)["code"][0], code)
    assert error_of(come_back(client, forged)["Location"]) == problem
    assert session(client).status_code == 401
    assert not SocialAccount.objects.exists()


def test_a_used_code_comes_back_as_code_used(client, wechat):
    wechat.scan_as("web-7")
    back = scan(start(client))
    code = parse_qs(urlsplit(back).query)["code"][0]
    assert error_of(come_back(client, back)["Location"]) is None
    client.logout()
    again = scan(start(client))
    replay = again.replace(parse_qs(urlsplit(again).query)["code"][0], code)
    assert error_of(come_back(client, replay)["Location"]) == "wechat_code_used"


def test_a_refused_userinfo_token_is_a_clear_error_not_a_500(client, wechat):
    wechat.scan_as("web-8")
    wechat.accept_tokens = False  # /sns/userinfo refuses the token (40001)
    assert error_of(round_trip(client)) == "wechat_unavailable"
    assert not SocialAccount.objects.exists()
